import type { SharedState, StoreBundle } from "../../../application/ports/store-bundle.js";
import type { HexlinkMetrics } from "./hexlink-metrics.js";

type Method = (...args: unknown[]) => unknown;

/** A method whose calls' seconds are observed too. */
interface Timed {
  readonly method: string;
  observe(seconds: number): void;
}

/** A port whose calls count their failures as `store` errors; `timed`'s method also has its seconds observed. */
function counted<T extends object>(port: T, store: string, metrics: HexlinkMetrics, timed?: Timed): T {
  const wrapped = new Map<PropertyKey, Method>();
  return new Proxy(port, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== "function") return value;
      let method = wrapped.get(name);
      if (method === undefined) {
        const original = value as Method;
        const timer = timed?.method === name ? timed : undefined;
        method = (...args) => {
          const started = timer === undefined ? 0 : performance.now();
          const observe = () => timer?.observe((performance.now() - started) / 1000);
          try {
            const result = original.apply(target, args);
            if (!(result instanceof Promise)) return result;
            return result.then(
              (answer: unknown) => {
                observe();
                return answer;
              },
              (error: unknown) => {
                observe();
                metrics.storeError(store);
                throw error;
              },
            );
          } catch (error) {
            metrics.storeError(store);
            throw error;
          }
        };
        wrapped.set(name, method);
      }
      return method;
    },
  });
}

/**
 * The stores and shared state, reporting to `metrics`: failed calls per port, the click store's batch times and
 * link cache lookups. Give the result to createHexlink.
 */
export function instrumentStores(
  stores: StoreBundle,
  shared: SharedState,
  metrics: HexlinkMetrics,
): { stores: StoreBundle; shared: SharedState } {
  const ports: Record<string, unknown> = {
    links: counted(stores.links, "links", metrics),
    domains: counted(stores.domains, "domains", metrics),
    apiKeys: counted(stores.apiKeys, "api_keys", metrics),
    clicks: counted(stores.clicks, "clicks", metrics, {
      method: "add",
      observe: (seconds) => metrics.clickFlush.observe(seconds),
    }),
  };
  const cache = counted(shared.cache, "link_cache", metrics);
  const sharedPorts: Record<string, unknown> = {
    rateLimiter: counted(shared.rateLimiter, "rate_limiter", metrics),
    // Synchronous and on the redirect path: counted by hand, without a proxy call.
    cache: Object.assign(Object.create(cache) as typeof cache, {
      getLink(domain: string, slug: string) {
        const link = shared.cache.getLink(domain, slug);
        metrics.cacheLookup(link === undefined ? "miss" : link === null ? "negative" : "hit");
        return link;
      },
    }),
  };
  return { stores: withPorts(stores, ports), shared: withPorts(shared, sharedPorts) };
}

/** The bundle with some members replaced; its other members (ping, close, kind…) still its own. */
function withPorts<T extends object>(bundle: T, ports: Record<string, unknown>): T {
  return new Proxy(bundle, {
    get: (target, name) => {
      if (typeof name === "string" && name in ports) return ports[name];
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
