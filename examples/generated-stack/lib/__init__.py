"""TAP infrastructure package."""
