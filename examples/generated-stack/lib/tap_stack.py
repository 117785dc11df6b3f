"""Networking for the TAP service."""
import pulumi_aws as aws


class TapStack:
    """VPC, subnets and a bastion security group."""

    def __init__(self, name):
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")
        self.public = aws.ec2.Subnet(
            f"{name}-public",
            vpc_id=self.vpc.id,
            cidr_block="10.0.1.0/24",
            availability_zone="us-west-2a",
        )
        self.private = aws.ec2.Subnet(
            f"{name}-private",
            vpc_id=self.vpc.id,
            cidr_block="10.0.1.0/24",
            availability_zone="us-east-1b",
        )
        self.bastion = aws.ec2.SecurityGroup(
            f"{name}-bastion",
            vpc_id=self.vpc.id,
            ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}],
        )
