// The little of autocannon's API that scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      timeout?: number;
      /** Each connection cycles through these requests in turn. */
      requests?: Array<{ method?: string; path: string }>;
    };
    type Result = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number };
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): EventEmitter;
  export default autocannon;
}
