import { securityGroupOpenToWorld } from '../../checks/security-group-open-to-world.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(securityGroupOpenToWorld, {
  valid: [
    // HTTPS and HTTP from anywhere are the two public exceptions.
    header +
      'sg = aws.ec2.SecurityGroup("web", vpc_id=vpc.id, ingress=[\n' +
      '    {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},\n' +
      '    {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]},\n' +
      '])\n',
    // SSH from a private range only.
    header +
      'sg = aws.ec2.SecurityGroup("bastion", ingress=[aws.ec2.SecurityGroupIngressArgs(\n' +
      '    protocol="tcp", from_port=22, to_port=22, cidr_blocks=["10.0.0.0/16"])])\n',
    // Egress to the world is normal.
    header +
      'sg = aws.ec2.SecurityGroup("app", egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])\n',
    header + 'aws.ec2.SecurityGroupRule("out", type="egress", security_group_id=sg.id, protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"])\n',
    // The CIDR comes from configuration: not visible, not flagged.
    header +
      'allowed = config.require("sshCidr")\n' +
      'sg = aws.ec2.SecurityGroup("bastion", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [allowed]}])\n',
    // The port is a parameter: unknown, not guessed.
    header +
      'def group(port):\n' +
      '    return aws.ec2.SecurityGroup("svc", ingress=[{"protocol": "tcp", "from_port": port, "to_port": port, "cidr_blocks": ["0.0.0.0/0"]}])\n',
    // Another security group as the source.
    header + 'aws.vpc.SecurityGroupIngressRule("db-in", security_group_id=db.id, referenced_security_group_id=app.id, ip_protocol="tcp", from_port=5432, to_port=5432)\n',
    header + 'aws.vpc.SecurityGroupIngressRule("https", security_group_id=sg.id, cidr_ipv4="0.0.0.0/0", ip_protocol="tcp", from_port=443, to_port=443)\n',
    // ICMP (ping) from anywhere is out of scope.
    header + 'aws.ec2.SecurityGroupRule("ping", type="ingress", security_group_id=sg.id, protocol="icmp", from_port=8, to_port=0, cidr_blocks=["0.0.0.0/0"])\n',
    // `Args` that is not ingress, and a dict that is not in an ingress list.
    header + 'rule = aws.ec2.SecurityGroupEgressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"])\n',
    header + 'routes = [{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id, "from_port": 22, "to_port": 22}]\n',
    // The name is assigned twice: which value reaches the group is unknown.
    header +
      'cidr = "10.0.0.0/8"\nif public:\n    cidr = "0.0.0.0/0"\n' +
      'aws.ec2.SecurityGroup("svc", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [cidr]}])\n',
    // Web ports from anywhere, through a loop, a comprehension and a helper's parameter.
    header +
      'for port in [80, 443]:\n' +
      '    aws.ec2.SecurityGroupRule(f"web-{port}", type="ingress", security_group_id=sg.id, protocol="tcp", from_port=port, to_port=port, cidr_blocks=["0.0.0.0/0"])\n' +
      'aws.ec2.SecurityGroup("lb", ingress=[{"protocol": "tcp", "from_port": p, "to_port": p, "cidr_blocks": ["0.0.0.0/0"]} for p in (80, 443)])\n' +
      'def public(port):\n' +
      '    return aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=port, to_port=port, cidr_blocks=["0.0.0.0/0"])\n' +
      'aws.ec2.SecurityGroup("alb", ingress=[public(443)])\n',
    // A component whose SSH source is its VPC block, kept in `self` and used in a helper method.
    header +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self.cidr = "10.0.0.0/16"\n' +
      '        self.sg = self._group("bastion", 22)\n' +
      '    def _group(self, name, port):\n' +
      '        return aws.ec2.SecurityGroup(name, ingress=[{"protocol": "tcp", "from_port": port, "to_port": port, "cidr_blocks": [self.cidr]}])\n' +
      'Net("net")\n',
    // Test code builds bad rules on purpose.
    {
      path: 'tests/unit/test_security.py',
      code: header + 'aws.ec2.SecurityGroup("bad", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])\n',
    },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}new aws.ec2.SecurityGroup("web", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });\n` },
  ],
  invalid: [
    {
      name: 'seed example: SSH open in an ingress dict',
      code: header + 'sg = aws.ec2.SecurityGroup("web", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])\n',
      errors: [{ line: 4, column: 112, endColumn: 123, message: /Ingress from `0\.0\.0\.0\/0` on port 22 \(SSH\) is open to the whole internet/ }],
    },
    {
      name: 'SecurityGroupIngressArgs with protocol -1',
      code:
        header +
        'from pulumi_aws.ec2 import SecurityGroupIngressArgs\n' +
        'sg = aws.ec2.SecurityGroup(\n' +
        '    "app",\n' +
        '    ingress=[\n' +
        '        SecurityGroupIngressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"]),\n' +
        '    ],\n' +
        ')\n',
      errors: [{ line: 8, message: /protocol `-1` \(all traffic/ }],
    },
    {
      name: 'IPv6 ::/0 for RDP, camelCase keys',
      code: header + 'aws.ec2.SecurityGroup("win", ingress=[{"protocol": "tcp", "fromPort": 3389, "toPort": 3389, "ipv6CidrBlocks": ["::/0"]}])\n',
      errors: [{ line: 4, message: /`::\/0` on port 3389 \(RDP\)/ }],
    },
    {
      name: 'SecurityGroupRule of type ingress on a database port',
      code:
        header +
        'from pulumi_aws import ec2\n' +
        'ec2.SecurityGroupRule("pg", type="ingress", security_group_id=sg.id, protocol="tcp",\n' +
        '    from_port=5432, to_port=5432, cidr_blocks=["10.0.0.0/8", "0.0.0.0/0"])\n',
      errors: [{ line: 6, column: 62, message: /on port 5432 \(PostgreSQL\)/ }],
    },
    {
      name: 'vpc.SecurityGroupIngressRule with cidr_ipv4',
      code: header + 'aws.vpc.SecurityGroupIngressRule("ssh", security_group_id=sg.id, cidr_ipv4="0.0.0.0/0", ip_protocol="tcp", from_port=22, to_port=22)\n',
      errors: [{ line: 4, message: /`0\.0\.0\.0\/0` on port 22 \(SSH\)/ }],
    },
    {
      name: 'vpc.SecurityGroupIngressRule with all protocols',
      code: header + 'aws.vpc.SecurityGroupIngressRule("all", security_group_id=sg.id, cidr_ipv4="0.0.0.0/0", ip_protocol="-1")\n',
      errors: [{ line: 4, message: /protocol `-1`/ }],
    },
    {
      name: 'a port range spanning 80 to 443',
      code: header + 'aws.ec2.SecurityGroup("web", ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=80, to_port=443, cidr_blocks=["0.0.0.0/0"])])\n',
      errors: [{ line: 4, message: /on ports 80-443/ }],
    },
    {
      name: 'all TCP ports',
      code: header + 'aws.ec2.SecurityGroup("wide", ingress=[{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}])\n',
      errors: [{ line: 4, message: /ports 0-65535 \(all ports\)/ }],
    },
    {
      name: 'rules and CIDR through module constants',
      code:
        header +
        'ANYWHERE = "0.0.0.0/0"\n' +
        'SSH = {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [ANYWHERE]}\n' +
        'HTTPS = {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": [ANYWHERE]}\n' +
        'INGRESS = [SSH, HTTPS]\n' +
        'aws.ec2.SecurityGroup("web", ingress=INGRESS)\n',
      // The list that holds the constant, inside the rule's dict (the constant itself may serve other rules).
      errors: [{ line: 5, column: 74, message: /`0\.0\.0\.0\/0` on port 22/ }],
    },
    {
      name: 'standalone SecurityGroupIngressArgs list passed later',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def _rules(self):\n' +
        '        return [\n' +
        '            aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=6379, to_port=6379, cidr_blocks=["0.0.0.0/0"]),\n' +
        '        ]\n',
      errors: [{ line: 7, message: /port 6379 \(Redis\)/ }],
    },
    {
      name: 'a loop over a port list: one finding naming each port',
      code:
        header +
        'ADMIN_PORTS = [22, 3389, 443]\n' +
        'for port in ADMIN_PORTS:\n' +
        '    aws.ec2.SecurityGroupRule(f"admin-{port}", type="ingress", security_group_id=sg.id, protocol="tcp",\n' +
        '        from_port=port, to_port=port, cidr_blocks=["0.0.0.0/0"])\n',
      errors: [{ line: 7, column: 52, message: /`0\.0\.0\.0\/0` on port 22 \(SSH\) and on port 3389 \(RDP\) is open/ }],
    },
    {
      name: 'an ingress comprehension over ports',
      code: header + 'PORTS = {"ssh": 22, "https": 443}\n' + 'aws.ec2.SecurityGroup("svc", ingress=[{"protocol": "tcp", "from_port": p, "to_port": p, "cidr_blocks": ["0.0.0.0/0"]} for p in PORTS.values()])\n',
      errors: [{ line: 5, message: /on port 22 \(SSH\) is open/ }],
    },
    {
      name: 'self attributes and a helper method with the port as a parameter',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.anywhere = "0.0.0.0/0"\n' +
        '        self.db_sg = self._group("db", 5432)\n' +
        '    def _group(self, name, port):\n' +
        '        return aws.ec2.SecurityGroup(name, ingress=[aws.ec2.SecurityGroupIngressArgs(\n' +
        '            protocol="tcp", from_port=port, to_port=port, cidr_blocks=[self.anywhere])])\n' +
        'Net("net")\n',
      errors: [{ line: 11, column: 71, message: /`0\.0\.0\.0\/0` on port 5432 \(PostgreSQL\)/ }],
    },
    {
      name: 'a rule-building helper called with constants',
      code:
        header +
        'WORLD = "0.0.0.0/0"\n' +
        'def allow(port, cidr):\n' +
        '    return {"protocol": "tcp", "from_port": port, "to_port": port, "cidr_blocks": [cidr]}\n' +
        'rules = [allow(443, WORLD), allow(6379, WORLD)]\n' +
        'aws.ec2.SecurityGroup("cache", ingress=rules)\n',
      errors: [{ line: 6, message: /`0\.0\.0\.0\/0` on port 6379 \(Redis\) is open/ }],
    },
    {
      name: 'vpc.SecurityGroupIngressRule with arguments from a dict',
      code: header + 'ssh = dict(ip_protocol="tcp", from_port=22, to_port=22, cidr_ipv6="::/0")\n' + 'aws.vpc.SecurityGroupIngressRule("ssh6", security_group_id=sg.id, **ssh)\n',
      errors: [{ line: 5, message: /`::\/0` on port 22 \(SSH\)/ }],
    },
    {
      name: 'Markdown answer block',
      path: 'answer.md',
      code: '# Stack\n\n```python\nimport pulumi_aws as aws\naws.ec2.SecurityGroup("db", ingress=[{"protocol": "tcp", "from_port": 3306, "to_port": 3306, "cidr_blocks": ["0.0.0.0/0"]}])\n```\n',
      errors: [{ line: 5, message: /port 3306 \(MySQL\)/ }],
    },
    // TypeScript
    {
      name: 'TypeScript: ports mapped to ingress rules',
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const ports = [22, 3389];\nnew aws.ec2.SecurityGroup("sg", {\n  ingress: ports.map((port) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] })),\n});\n`,
      errors: [{ line: 5, message: 'Ingress from `0.0.0.0/0` on port 22 (SSH) and on port 3389 (RDP) is open to the whole internet; only ports 80 and 443 may be public.' }],
    },
  ],
});
