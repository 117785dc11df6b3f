/**
 * CloudWatch dashboard bodies whose metric rows CloudWatch rejects ("The dashboard body is
 * invalid": InvalidParameterInput). A row is `[namespace, metricName, dimensionName,
 * dimensionValue, ..., {rendering options}]`: the options object comes last, once, and takes
 * only rendering properties. Models write dimensions as an object (`{ FunctionName: fn.name }`) or
 * under a `dimensions` key, as the CloudWatch API and CDK spell them. Judged on the JSON the
 * program builds (`json.dumps`, `JSON.stringify`, inside `apply` too), where the model keeps it.
 */
import type { DictValue, ListValue, Value } from './model.js';
import { entryOf } from './values.js';

/** The properties a metric row's options object may have (CloudWatch dashboard body reference). */
const RENDERING_PROPERTIES = new Set(['accountId', 'color', 'expression', 'id', 'label', 'period', 'region', 'returnData', 'stat', 'visible', 'yAxis']);

export interface BadMetricRow {
  row: ListValue;
  options: DictValue;
  /** Keys that are not rendering properties (`dimensions`, `FunctionName`). */
  keys: string[];
  /** The options object is not the row's last element. */
  misplaced: boolean;
}

/** The value JSON text was built from, or the value itself. */
function decoded(value: Value | undefined, depth = 0): Value | undefined {
  if (!value || depth > 4) return value;
  if ((value.kind === 'string' || value.kind === 'unknown') && value.encodes) return decoded(value.encodes, depth + 1);
  if (value.kind === 'output' && value.known) return decoded(value.known, depth + 1);
  return value;
}

const items = (value: Value | undefined): readonly Value[] => (value?.kind === 'list' ? value.items : []);

export function badMetricRows(dashboardBody: Value | undefined): BadMetricRow[] {
  const body = decoded(dashboardBody);
  const found: BadMetricRow[] = [];
  for (const widget of items(entryOf(body, 'widgets'))) {
    for (const row of items(entryOf(entryOf(widget, 'properties'), 'metrics'))) {
      if (row.kind !== 'list') continue;
      row.items.forEach((item, index) => {
        if (item.kind !== 'dict' || item.open) return;
        const keys = [...item.entries.keys()].filter((key) => !RENDERING_PROPERTIES.has(key));
        const misplaced = index !== row.items.length - 1 && !row.open;
        if (keys.length || misplaced) found.push({ row, options: item, keys, misplaced });
      });
    }
  }
  return found;
}
