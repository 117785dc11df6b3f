"""Integration tests against the deployed stack."""
import json
import unittest

import boto3


class TestTapStackIntegration(unittest.TestCase):
    """Checks the deployed VPC."""

    def test_vpc_exists(self):
        """The VPC from the stack outputs exists."""
        ec2 = boto3.client("ec2", region_name="us-east-1")
        with open("cfn-outputs/flat-outputs.json") as f:
