/** Which deployment environments count as production: `prod`, `production`, `prod-eu`... */
const PRODUCTION_NAME = /^prod(uction)?([-_.].*)?$/i;

export function isProductionName(name: string): boolean {
  return PRODUCTION_NAME.test(name.trim());
}
