import fs from 'node:fs';
import * as hdr from 'hdr-histogram-js';

/** Latencies in microseconds, from 1 µs to two minutes, three significant digits. */
export function newHistogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export const encodeHistogram = (h: hdr.Histogram): string => hdr.encodeIntoCompressedBase64(h);

export function mergeHistograms(encoded: string[]): hdr.Histogram {
  const total = newHistogram();
  for (const e of encoded) total.add(hdr.decodeFromCompressedBase64(e));
  return total;
}

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max in milliseconds. */
export function latencyOf(h: hdr.Histogram): Latency {
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
  };
}

const CLOCK_TICKS_PER_SECOND = 100;

/** A process's resident memory (bytes) and CPU time so far (seconds), from /proc. */
export function processUsage(pid: number): { rss: number; cpuSeconds: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // /proc/<pid>/stat: the command may hold spaces, so count fields after its closing parenthesis.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss: rssKb * 1024, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND };
}

/**
 * CPU use of a set of processes over a period, as a percentage of one core. A process that ends
 * meanwhile (a database connection closed when idle) counts what it used until its last reading.
 */
export class CpuMeter {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly startedAt = process.hrtime.bigint();

  constructor(private readonly pids: number[]) {
    for (const pid of pids) {
      const seconds = this.read(pid);
      if (seconds !== null) this.start.set(pid, seconds);
    }
  }

  private read(pid: number): number | null {
    try {
      const seconds = processUsage(pid).cpuSeconds;
      this.last.set(pid, seconds);
      return seconds;
    } catch {
      return this.last.get(pid) ?? null;
    }
  }

  percent(): number {
    const seconds = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    const used = [...this.start].reduce((sum, [pid, from]) => sum + (this.read(pid) ?? from) - from, 0);
    return Math.round((used / seconds) * 100);
  }
}
