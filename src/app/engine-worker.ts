/**
 * The engine worker: runs in a worker thread of the App's pool (engine-pool.ts) and does one
 * thing, this project's own engine (`reviewWithCatalog`) on the texts it is handed, then works
 * out the lines the findings' fixes rewrite (line-fixes.ts). It loads no other module and runs nothing from the pull request: files arrive as bytes or text and are
 * only parsed. It says on its progress port that it started and which file it is on, so the App
 * can name the file when it has to stop the review (deadline, heap limit). The App closes the
port once the answer is in.
 */
import type { MessagePort } from 'node:worker_threads';
import { reviewWithCatalog } from '../core/index.js';
import { lineFixesOf } from './line-fixes.js';
import { baseFromSnapshot, fromWire, snapshotSource, type EngineMessage, type EngineReply, type EngineTask } from './engine-wire.js';

function say(port: MessagePort, message: EngineMessage): void {
  port.postMessage(message);
}

export default function reviewInWorker(task: EngineTask): EngineReply {
  const { progress } = task;
  say(progress, { kind: 'started' });
  try {
    const files = fromWire(task.files);
    const result = reviewWithCatalog({
      files,
      config: task.config,
      mode: task.mode,
      ...(task.project ? { project: snapshotSource(task.project) } : {}),
      ...(task.base ? { base: baseFromSnapshot(task.base) } : {}),
      ...(task.treeCacheBytes === undefined ? {} : { treeCacheBytes: task.treeCacheBytes }),
      onStep: (step) => say(progress, { kind: 'step', step }),
    });
    return { ok: true, result: { ...result, lineFixes: lineFixesOf(result.findings, files) } };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name, message } };
  }
}
