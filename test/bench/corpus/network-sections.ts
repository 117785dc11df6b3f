/**
 * Resource sections for the network layer: the VPC with its subnets, gateways and routes, and
 * one security group per service (also used by the compute and database sections).
 */
import type { Code } from './python-writer.js';
import { fn, opts, r, tags, type Ctx } from './section-context.js';
import { azs, title } from './text-helpers.js';

export function networking(code: Code, ctx: Ctx): void {
  const { project, random, planter } = ctx;
  const second = project.cidr % 250;
  code.line('# VPC with DNS support so endpoints and RDS resolve privately.');
  code.line(`self.vpc = ${r(ctx, 'ec2', 'Vpc')}(`);
  code.in().many([
    `f"{self.name_prefix}-vpc",`,
    `cidr_block="10.${second}.0.0/16",`,
    'enable_dns_hostnames=True,',
    'enable_dns_support=True,',
    tags(ctx, '{self.name_prefix}-vpc') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
  code.line(`self.igw = ${r(ctx, 'ec2', 'InternetGateway')}(`);
  code.in().many([`f"{self.name_prefix}-igw",`, 'vpc_id=self.vpc.id,', tags(ctx, '{self.name_prefix}-igw') + ',', opts(ctx) + ',']).out().line(')');
  code.line('');
  if (random.chance(0.5)) {
    code.line(`available = ${fn(ctx, 'get_availability_zones')}(state="available")`);
    code.line('zones = available.names[:' + project.azCount + ']');
  } else if (planter.plant('hard-coded availability zones', 0.5)) {
    code.line(`zones = [${azs(project).map((zone) => `"${zone}"`).join(', ')}]`);
  } else {
    code.line(`zones = ${fn(ctx, 'get_availability_zones')}().names[:${project.azCount}]`);
  }
  code.line('');
  const overlap = planter.plant('overlapping subnet CIDRs', 0.04);
  code.line('self.public_subnets = []');
  code.line('self.private_subnets = []');
  code.line('for index, zone in enumerate(zones):');
  code.in();
  code.line(`public = ${r(ctx, 'ec2', 'Subnet')}(`);
  code.in().many([
    `f"{self.name_prefix}-public-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `cidr_block=f"10.${second}.{index}.0/24",`,
    'availability_zone=zone,',
    'map_public_ip_on_launch=True,',
    `tags={**self.tags, "Name": f"{self.name_prefix}-public-{index + 1}", "Tier": "public"},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('self.public_subnets.append(public)');
  code.line(`private = ${r(ctx, 'ec2', 'Subnet')}(`);
  code.in().many([
    `f"{self.name_prefix}-private-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `cidr_block=f"10.${second}.{index + ${overlap ? 0 : 10}}.0/24",`,
    'availability_zone=zone,',
    `tags={**self.tags, "Name": f"{self.name_prefix}-private-{index + 1}", "Tier": "private"},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('self.private_subnets.append(private)');
  code.out();
  code.line('');
  if (overlap) {
    code.line(`self.reserved_subnet = ${r(ctx, 'ec2', 'Subnet')}(`);
    code.in().many([`f"{self.name_prefix}-reserved",`, 'vpc_id=self.vpc.id,', `cidr_block="10.${second}.0.0/20",`, opts(ctx) + ',']).out().line(')');
    code.line('');
  }
  const natDependency = !planter.plant('NAT without IGW dependency', 0.05);
  code.line('self.nat_gateways = []');
  code.line('for index, subnet in enumerate(self.public_subnets):');
  code.in();
  code.line(`eip = ${r(ctx, 'ec2', 'Eip')}(f"{self.name_prefix}-nat-eip-{index + 1}", domain="vpc", ${opts(ctx)})`);
  code.line(`nat = ${r(ctx, 'ec2', 'NatGateway')}(`);
  code.in().many([
    `f"{self.name_prefix}-nat-{index + 1}",`,
    'allocation_id=eip.id,',
    'subnet_id=subnet.id,',
    tags(ctx, '{self.name_prefix}-nat-{index + 1}') + ',',
    opts(ctx, natDependency ? ', depends_on=[self.igw]' : '') + ',',
  ]).out().line(')');
  code.line('self.nat_gateways.append(nat)');
  code.out();
  code.line('');
  code.line(`self.public_route_table = ${r(ctx, 'ec2', 'RouteTable')}(`);
  code.in().many([
    `f"{self.name_prefix}-public-rt",`,
    'vpc_id=self.vpc.id,',
    `routes=[${r(ctx, 'ec2', 'RouteTableRouteArgs')}(cidr_block="0.0.0.0/0", gateway_id=self.igw.id)],`,
    tags(ctx, '{self.name_prefix}-public-rt') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('for index, subnet in enumerate(self.public_subnets):');
  code.in().line(`${r(ctx, 'ec2', 'RouteTableAssociation')}(`);
  code.in().many([`f"{self.name_prefix}-public-rta-{index + 1}",`, 'subnet_id=subnet.id,', 'route_table_id=self.public_route_table.id,', opts(ctx) + ',']).out().line(')');
  code.out();
  code.line('for index, (subnet, nat) in enumerate(zip(self.private_subnets, self.nat_gateways)):');
  code.in().line(`table = ${r(ctx, 'ec2', 'RouteTable')}(`);
  code.in().many([
    `f"{self.name_prefix}-private-rt-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `routes=[{"cidr_block": "0.0.0.0/0", "nat_gateway_id": nat.id}],`,
    tags(ctx, '{self.name_prefix}-private-rt-{index + 1}') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'ec2', 'RouteTableAssociation')}(`);
  code.in().many([`f"{self.name_prefix}-private-rta-{index + 1}",`, 'subnet_id=subnet.id,', 'route_table_id=table.id,', opts(ctx) + ',']).out().line(')');
  code.out();
  code.line('');
  if (random.chance(0.6)) {
    code.line(`self.flow_logs_group = ${r(ctx, 'cloudwatch', 'LogGroup')}(`);
    code.in().many([`f"{self.name_prefix}-vpc-flow-logs",`, `retention_in_days=${random.pick([7, 14, 30, 90, 365])},`, opts(ctx) + ',']).out().line(')');
    code.line('');
  }
}

export function securityGroup(code: Code, ctx: Ctx, service: string, index: number): void {
  const { planter, random } = ctx;
  const port = random.pick([8080, 3000, 5000, 8443, 9000]);
  const open = planter.plant('security group open to the world', 0.035);
  const openPort = random.pick([22, 3389, 5432, 3306, -1]);
  code.line(`# Security group for the ${service} tier.`);
  code.line(`self.${service}_sg = ${r(ctx, 'ec2', 'SecurityGroup')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-sg",`, `description="${title(service)} tier security group",`, 'vpc_id=self.vpc_id,', 'ingress=[']);
  code.in();
  if (random.chance(0.5)) {
    code.line(`${r(ctx, 'ec2', 'SecurityGroupIngressArgs')}(`);
    code.in().many([`description="HTTPS from the load balancer",`, 'protocol="tcp",', 'from_port=443,', 'to_port=443,', 'cidr_blocks=["0.0.0.0/0"],']).out().line('),');
  } else {
    code.line(`{"protocol": "tcp", "from_port": ${port}, "to_port": ${port}, "cidr_blocks": [self.vpc_cidr]},`);
  }
  if (open) {
    code.line(
      openPort === -1
        ? '{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]},'
        : `{"protocol": "tcp", "from_port": ${openPort}, "to_port": ${openPort}, "cidr_blocks": ["0.0.0.0/0"]},`,
    );
  } else if (random.chance(0.3)) {
    code.line(`{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.${index}.0.0/16"]},`);
  }
  code.out().line('],');
  code.line('egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],');
  code.line(tags(ctx, `{self.name_prefix}-${service}-sg`) + ',');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  if (random.chance(0.4)) {
    code.line(`${r(ctx, 'ec2', 'SecurityGroupRule')}(`);
    code.in().many([
      `f"{self.name_prefix}-${service}-from-bastion",`,
      'type="ingress",',
      'protocol="tcp",',
      'from_port=22,',
      'to_port=22,',
      `security_group_id=self.${service}_sg.id,`,
      'source_security_group_id=self.bastion_sg_id,',
      opts(ctx) + ',',
    ]).out().line(')');
  }
  code.line('');
}
