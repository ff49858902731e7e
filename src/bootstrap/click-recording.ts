import { randomBytes } from "node:crypto";
import {
  CdnHeaderGeoLocator,
  ChainedGeoLocator,
  HmacVisitorHasher,
  MaxMindGeoLocator,
  UaParserUserAgentParser,
} from "../adapters/classify/index.js";
import { NanoidIdGenerator } from "../adapters/node/nanoid-id-generator.js";
import { NodeScheduler } from "../adapters/node/node-scheduler.js";
import type {
  GeoLocator,
  UserAgentParser,
  VisitorHasher,
} from "../application/ports/click-classification.js";
import type { ClickStore } from "../application/ports/click-store.js";
import type { ClickInterest, EventPublisher } from "../application/ports/event-publisher.js";
import type { Clock } from "../application/ports/technical.js";
import { ClickRecorder, type ClickRecorderOptions } from "../application/services/click-recorder.js";
import type { ClassificationPorts } from "../application/services/hit-classifier.js";

/** How clicks are classified and recorded; every field has a default. */
export interface ClickRecordingOptions {
  /** Honour CDN country headers (CF-IPCountry, …): only behind a trusted proxy. */
  readonly trustProxy?: boolean;
  /** A `.mmdb` country or city database; the bundled CC0 country database when absent. */
  readonly geoipDb?: string;
  /**
   * Secret behind the daily visitor hash. Instances that share a store should share it, or a visitor
   * seen by two instances counts twice; a random one per process when absent.
   */
  readonly visitorSecret?: string;
  readonly userAgents?: UserAgentParser;
  readonly geo?: GeoLocator;
  readonly visitors?: VisitorHasher;
  readonly recorder?: ClickRecorderOptions;
}

/**
 * How visits are classified, for the click recorder and for redirect rules alike (one user-agent cache serves
 * both): the real classification adapters unless replaced.
 */
export function classificationPorts(options: ClickRecordingOptions = {}): ClassificationPorts {
  const geo =
    options.geo ??
    new ChainedGeoLocator([
      new CdnHeaderGeoLocator({ trustProxy: options.trustProxy ?? false }),
      MaxMindGeoLocator.openSync(options.geoipDb === undefined ? {} : { path: options.geoipDb }),
    ]);
  return {
    userAgents: options.userAgents ?? new UaParserUserAgentParser(),
    geo,
    visitors:
      options.visitors ??
      new HmacVisitorHasher({ secret: options.visitorSecret ?? randomBytes(32).toString("base64url") }),
  };
}

/**
 * The ClickRecorder over a store, with the given classification ports (the real adapters by default), Node's
 * timers, and batches named after 126 random bits (nanoid) unless `recorder.batchIds` is given. Human clicks are
 * announced to `clickEvents` for the accounts `clickInterest` says want them (all when absent).
 */
export function createClickRecorder(
  store: ClickStore,
  clock: Clock,
  options: ClickRecordingOptions = {},
  classification: ClassificationPorts = classificationPorts(options),
  clickEvents?: EventPublisher,
  clickInterest?: ClickInterest,
): ClickRecorder {
  return new ClickRecorder(
    {
      store,
      clock,
      scheduler: new NodeScheduler(),
      ids: new NanoidIdGenerator(),
      ...classification,
      ...(clickEvents === undefined ? {} : { clickEvents }),
      ...(clickInterest === undefined ? {} : { clickInterest }),
    },
    options.recorder,
  );
}
