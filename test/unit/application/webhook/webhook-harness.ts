import { clickJsonWriter, webhookData } from "../../../../src/adapters/express/v1/webhook-json.js";
import { memoryWebhookStores } from "../../../../src/adapters/memory/memory-webhook-stores.js";
import { NanoidIdGenerator } from "../../../../src/adapters/node/nanoid-id-generator.js";
import { StandardWebhookSigner } from "../../../../src/adapters/node/standard-webhook-signer.js";
import type { HexlinkEventName, HexlinkEvents } from "../../../../src/application/hexlink-events.js";
import type {
  WebhookRequest,
  WebhookResponse,
  WebhookSender,
} from "../../../../src/application/ports/webhook-sender.js";
import { WebhookPublisher } from "../../../../src/application/services/webhook-publisher.js";
import {
  type AttemptOutcome,
  WebhookWorker,
  type WebhookWorkerOptions,
} from "../../../../src/application/services/webhook-worker.js";
import { WEBHOOK_EVENTS, type WebhookEndpoint } from "../../../../src/domain/webhook/webhook.js";
import { ManualScheduler } from "../../../support/manual-scheduler.js";

/** A sender that records each request and answers as its script says for the request's URL. */
export class ScriptedSender implements WebhookSender {
  readonly requests: WebhookRequest[] = [];
  private readonly scripts = new Map<string, (n: number) => Promise<WebhookResponse>>();

  /** Answers for `url`: the n-th request (from 0) gets `answer(n)`. */
  script(url: string, answer: (n: number) => Promise<WebhookResponse> | WebhookResponse): void {
    this.scripts.set(url, async (n) => answer(n));
  }

  to(url: string): WebhookRequest[] {
    return this.requests.filter((request) => request.url === url);
  }

  async refusal(): Promise<string | null> {
    return null;
  }

  async send(request: WebhookRequest): Promise<WebhookResponse> {
    const n = this.to(request.url).length;
    this.requests.push(request);
    const script = this.scripts.get(request.url);
    return script === undefined ? { kind: "answered", status: 204 } : script(n);
  }
}

export const answered = (status: number): WebhookResponse => ({ kind: "answered", status });

/** Memory webhook stores, a publisher and a worker on a manual clock, with what they reported. */
export function webhookHarness(options: WebhookWorkerOptions = {}) {
  const time = new ManualScheduler(new Date());
  const stores = memoryWebhookStores();
  const sender = new ScriptedSender();
  const signer = new StandardWebhookSigner();
  const emitted: { event: HexlinkEventName; payload: unknown }[] = [];
  const events = {
    emit<E extends HexlinkEventName>(event: E, payload: HexlinkEvents[E]) {
      emitted.push({ event, payload });
    },
  };
  const logged: { level: string; message: string; fields: Readonly<Record<string, string | number>> }[] = [];
  const outcomes: AttemptOutcome[] = [];
  const ids = new NanoidIdGenerator();
  const publisher = new WebhookPublisher({
    stores,
    ids,
    clock: time,
    data: webhookData,
    clickJson: clickJsonWriter(),
    events,
  });
  const worker = new WebhookWorker(
    {
      stores,
      sender,
      signer,
      clock: time,
      scheduler: time,
      events,
      log: (level, message, fields) => logged.push({ level, message, fields }),
      onAttempt: (outcome) => outcomes.push(outcome),
    },
    options,
  );
  let endpoints = 0;
  /** Registers an active endpoint of `accountId` for every event. */
  const endpoint = async (url: string, accountId = "acme"): Promise<WebhookEndpoint> => {
    endpoints += 1;
    const made: WebhookEndpoint = {
      id: `wh_test${endpoints}`,
      accountId,
      url,
      events: [...WEBHOOK_EVENTS],
      secret: signer.newSecret(),
      status: "active",
      createdAt: time.now(),
      failingSince: null,
    };
    await stores.endpoints.create(made);
    return made;
  };
  return { time, stores, sender, signer, publisher, worker, emitted, logged, outcomes, endpoint };
}
