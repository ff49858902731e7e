// Straight from its file: the CLI builds hexlink too and must not load Express.
import { clickJsonWriter, webhookData } from "../adapters/express/v1/webhook-json.js";
import { memoryWebhookStores } from "../adapters/memory/memory-webhook-stores.js";
import { NodeScheduler } from "../adapters/node/node-scheduler.js";
import { NodeWebhookSender } from "../adapters/node/node-webhook-sender.js";
import { StandardWebhookSigner } from "../adapters/node/standard-webhook-signer.js";
import type { HexlinkEventSink } from "../application/hexlink-events.js";
import type { Scheduler } from "../application/ports/scheduler.js";
import type { Clock, IdGenerator } from "../application/ports/technical.js";
import type { WebhookSender, WebhookSigner } from "../application/ports/webhook-sender.js";
import type { WebhookStores } from "../application/ports/webhook-stores.js";
import { ClickSubscriptions } from "../application/services/click-subscriptions.js";
import type { RecorderLogger } from "../application/services/recorder-logger.js";
import { safeLogger } from "../application/services/recorder-logger.js";
import { WebhookPublisher } from "../application/services/webhook-publisher.js";
import {
  type AttemptOutcome,
  WebhookWorker,
  type WebhookWorkerOptions,
} from "../application/services/webhook-worker.js";
import type { HexlinkSettings } from "../application/settings.js";

/** How webhooks are delivered; every field has a default. */
export interface WebhookOptions {
  /** Posts the messages; node:http(s) with a 10 s timeout, honouring `allowPrivateWebhooks`, unless replaced. */
  readonly sender?: WebhookSender;
  readonly signer?: WebhookSigner;
  /** The delivery worker's timers; Node's unless replaced (tests drive time with their own). */
  readonly scheduler?: Scheduler;
  readonly worker?: WebhookWorkerOptions;
  /** Told of each attempt's outcome (metrics). */
  readonly onAttempt?: (outcome: AttemptOutcome) => void;
  readonly logger?: RecorderLogger;
}

/** The webhook parts of one hexlink: stores, sender, signer, the publisher use cases announce to, the worker. */
export interface WebhookParts {
  readonly stores: WebhookStores;
  readonly sender: WebhookSender;
  readonly signer: WebhookSigner;
  readonly publisher: WebhookPublisher;
  readonly worker: WebhookWorker;
  /** Which accounts have a `clicks.recorded` endpoint, for the click recorder. */
  readonly clickSubscriptions: ClickSubscriptions;
}

/** Builds the webhook parts; the worker is not started (the server starts it). */
export function createWebhookParts(input: {
  readonly stores: WebhookStores | undefined;
  readonly settings: HexlinkSettings;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: HexlinkEventSink;
  readonly options: WebhookOptions;
}): WebhookParts {
  const { settings, clock, ids, events, options } = input;
  const given = input.stores ?? memoryWebhookStores();
  // Endpoints are written through the subscriptions, so the recorder hears of a new one at once.
  const clickSubscriptions = new ClickSubscriptions(given.endpoints);
  const stores: WebhookStores = { ...given, endpoints: clickSubscriptions.endpoints };
  const sender = options.sender ?? new NodeWebhookSender({ allowPrivate: settings.allowPrivateWebhooks });
  const signer = options.signer ?? new StandardWebhookSigner();
  const publisher = new WebhookPublisher({
    stores,
    ids,
    clock,
    data: webhookData,
    clickJson: clickJsonWriter(),
    events,
  });
  const worker = new WebhookWorker(
    {
      stores,
      sender,
      signer,
      clock,
      scheduler: options.scheduler ?? new NodeScheduler(),
      events,
      log: safeLogger(options.logger),
      ...(options.onAttempt === undefined ? {} : { onAttempt: options.onAttempt }),
    },
    options.worker,
  );
  return { stores, sender, signer, publisher, worker, clickSubscriptions };
}
