"""Pulumi entry point for the TAP stack."""
import pulumi

from lib.tap_stack import TapStack

stack = TapStack("tap-prod")
pulumi.export("vpc_id", stack.vpc.id)
