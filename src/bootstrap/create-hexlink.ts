import { memorySharedState, memoryStores } from "../adapters/memory/memory-stores.js";
import { DnsDomainVerifier } from "../adapters/node/dns-domain-verifier.js";
import { NanoidCodeGenerator } from "../adapters/node/nanoid-code-generator.js";
import { NanoidIdGenerator } from "../adapters/node/nanoid-id-generator.js";
import { ScryptPasswordHasher } from "../adapters/node/scrypt-password-hasher.js";
import { Sha256KeyHasher } from "../adapters/node/sha256-key-hasher.js";
import { SystemClock } from "../adapters/node/system-clock.js";
import type { Hexlink } from "../application/hexlink.js";
import type { ClickSink } from "../application/ports/click-sink.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type { ClickRecorder } from "../application/services/click-recorder.js";
import { HexlinkEmitter } from "../application/services/hexlink-emitter.js";
import { type HexlinkSettings, makeSettings } from "../application/settings.js";
import type { SeedKey } from "../application/use-cases/api-key/seed-api-keys.js";
import { type ClickRecordingOptions, classificationPorts, createClickRecorder } from "./click-recording.js";
import { buildContainer, type HexlinkPorts } from "./container.js";
import { resolveHexlink } from "./resolve-hexlink.js";
import { createWebhookParts, type WebhookOptions } from "./webhook-wiring.js";

export interface CreateHexlinkOptions {
  /** Public origin of short links; its host is the default domain. Default `http://localhost:3000`. */
  readonly baseUrl?: string;
  /** Settings beyond the base URL (blocked domains, code length, rate limits…). */
  readonly settings?: Partial<Omit<HexlinkSettings, "baseUrl" | "defaultDomain">>;
  /** Storage ports; in memory when absent. */
  readonly stores?: StoreBundle;
  /** Rate limiter and link cache; in process when absent. */
  readonly shared?: SharedState;
  /** Any technical port, replaced by the caller's own. */
  readonly ports?: Partial<Omit<HexlinkPorts, "stores" | "shared" | "clickSink" | "visits" | "webhooks">>;
  /**
   * Where redirects hand their clicks; a ClickRecorder over the click store when absent. A function gets that
   * recorder to wrap: hexlink still flushes and stops it, and hears its events. A sink object of your own is
   * flushed and stopped through its `flush` and `stop`, when it has them.
   */
  readonly clickSink?: ClickSink | ((recorder: ClickRecorder) => ClickSink);
  /** Classification and flushing of the default ClickRecorder. */
  readonly clickRecording?: ClickRecordingOptions;
  /** Delivery of webhooks: sender, timers, worker tuning, metrics. */
  readonly webhooks?: WebhookOptions;
  /** API keys to create if missing (idempotent). */
  readonly apiKeys?: readonly SeedKey[];
}

/**
 * Builds a hexlink core: with no options it runs entirely in memory.
 * Every port can be replaced by the caller's own adapter.
 */
export async function createHexlink(options: CreateHexlinkOptions = {}): Promise<Hexlink> {
  const settings = makeSettings(options.baseUrl ?? "http://localhost:3000", options.settings ?? {});
  const clock = options.ports?.clock ?? new SystemClock();
  const stores = options.stores ?? memoryStores();
  const emitter = new HexlinkEmitter();
  // One set of classification ports for redirect rules and the recorder: one user-agent cache for both.
  const visits = classificationPorts(options.clickRecording);
  const ids = options.ports?.ids ?? new NanoidIdGenerator();
  const hooks = createWebhookParts({
    stores: stores.webhooks,
    settings,
    clock,
    ids,
    events: emitter,
    options: options.webhooks ?? {},
  });
  const ports: HexlinkPorts = {
    stores,
    shared: options.shared ?? memorySharedState(clock),
    clickSink: clickSink(options, () => {
      const recording = options.clickRecording ?? {};
      const recorder = { ...recording.recorder, events: recording.recorder?.events ?? emitter };
      return createClickRecorder(
        stores.clicks,
        clock,
        { ...recording, recorder },
        visits,
        hooks.publisher,
        hooks.clickSubscriptions,
      );
    }),
    visits,
    codes: options.ports?.codes ?? new NanoidCodeGenerator(),
    ids,
    passwords: options.ports?.passwords ?? new ScryptPasswordHasher(),
    keyHasher: options.ports?.keyHasher ?? new Sha256KeyHasher(),
    clock,
    domainVerifier: options.ports?.domainVerifier ?? new DnsDomainVerifier(),
    webhooks: hooks,
    ...(options.ports?.events === undefined ? {} : { events: options.ports.events }),
  };
  const container = buildContainer(settings, ports);
  const hexlink = resolveHexlink(container, emitter);
  if (options.apiKeys !== undefined && options.apiKeys.length > 0)
    await hexlink.seedApiKeys.execute({ seeds: options.apiKeys });
  return hexlink;
}

/** The caller's sink, the default recorder, or the caller's wrapper around it with the recorder's lifecycle. */
function clickSink(options: CreateHexlinkOptions, recorder: () => ClickRecorder): ClickSink {
  const given = options.clickSink;
  if (given === undefined) return recorder();
  if (typeof given !== "function") return given;
  const inner = recorder();
  const outer = given(inner);
  const wrapped: ClickSink & Pick<ClickRecorder, "flush" | "stop" | "health"> = {
    record: (hit) => outer.record(hit),
    flush: () => inner.flush(),
    stop: (deadline?: Date) => inner.stop(deadline),
    health: () => inner.health(),
  };
  return wrapped;
}
