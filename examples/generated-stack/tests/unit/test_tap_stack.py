"""Unit tests for the TAP stack's Lambda handler."""


def test_handler_returns_ok():
    """The handler answers 200."""
    with open("lib/lambda/handler.py") as f:
        lambda_code = f.read()
    exec(lambda_code, globals())
    assert handler({}, None)["statusCode"] == 200
