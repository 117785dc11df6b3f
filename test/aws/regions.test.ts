import { describe, expect, it } from 'vitest';
import { isRegionName, regionsInText, zoneRegion } from '../../src/aws/regions.js';

describe('AWS regions', () => {
  it('knows region names, including GovCloud and China', () => {
    expect(['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1', 'il-central-1'].every(isRegionName)).toBe(true);
    expect(['us-east', 'us-east-1a', 'east-1', 'US-EAST-1', 'xx-east-1'].some(isRegionName)).toBe(false);
  });

  it('gives the region of an availability-zone name, only for the whole text', () => {
    expect(zoneRegion('us-west-2a')).toBe('us-west-2');
    expect(zoneRegion('ap-northeast-1c')).toBe('ap-northeast-1');
    expect(zoneRegion('us-west-2')).toBeUndefined();
    expect(zoneRegion('subnet-us-west-2a')).toBeUndefined();
    expect(zoneRegion('use1-az1')).toBeUndefined();
  });

  it('finds regions in ARNs and endpoints, not in global ARNs or look-alikes', () => {
    expect(regionsInText('arn:aws:lambda:us-west-2:580247275435:layer:Insights:38')).toEqual([
      { kind: 'arn', region: 'us-west-2', service: 'lambda', text: 'arn:aws:lambda:us-west-2:580247275435:layer:Insights:38' },
    ]);
    expect(regionsInText('https://abc.execute-api.eu-central-1.amazonaws.com/prod')).toEqual([{ kind: 'endpoint', region: 'eu-central-1', text: 'abc.execute-api.eu-central-1.amazonaws.com' }]);
    expect(regionsInText('com.amazonaws.ap-south-1.s3')).toEqual([{ kind: 'endpoint', region: 'ap-south-1', text: 'com.amazonaws.ap-south-1.s3' }]);
    expect(regionsInText('arn:aws:iam::aws:policy/ReadOnlyAccess')).toEqual([]);
    expect(regionsInText('arn:aws:s3:::my-bucket/us-west-2/x')).toEqual([]);
    expect(regionsInText('us-west-2.amazonaws.community')).toEqual([]);
  });
});
