import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientErrorCode } from "../../src/adapters/express/client/client-error-codes.js";
import type { RunningServer } from "../support/http-server.js";
import {
  BODY_KEYS,
  clientPost,
  expectFailure,
  expectSuccess,
  startClientServer,
} from "./client-api-requests.js";

// The sample requests of seed 004 exactly as written there (tabs, spacing and all).
const SEED_ID = "ab2005c2-9c60-4e61-a36e-a44e51c1ede5";
const SEED_SHORT_URL = "http://lnnk.in/EIf";
const SHORTEN = `{ 
		"long_url":"https://www.lnnkin.com/api-integration/plans?test=query%20string",
		"password":"",
		"domain":"lnnk.in"
	}`;
const CUSTOM = `{ 
		"long_url":"https://www.lnnkin.com/api-integration/plans?test=query%20string",
		"custom_name":"API-Test",
		"password":"",
		"domain":"lnnk.in"
	}`;
const EDIT = `{ 
		"long_url":"https://www.lnnkin.com/api-integration/plans?test=query%20string",
		"tracking_id": "ab2005c2-9c60-4e61-a36e-a44e51c1ede5",
		"password":""
	}`;
const BY_ID = `{ 
		"tracking_id": "ab2005c2-9c60-4e61-a36e-a44e51c1ede5"
	}`;
const GET = `{ 
		"short_url": "http://lnnk.in/EIf"
	}`;
const CLICKS = `{ 
		"tracking_id": "ab2005c2-9c60-4e61-a36e-a44e51c1ede5",
		"start_date":"01/08/2020",
		"end_date":"07/08/2020"
	}`;
const DIMENSIONS = ["device", "os", "browser", "location", "referrer"] as const;
const LONG_URL = "https://www.lnnkin.com/api-integration/plans?test=query%20string";

describe("the seed's sample requests, as written, against a freshly started server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startClientServer();
  });
  afterAll(() => server.close());

  const samples: [string, string, ClientErrorCode][] = [
    ["/url/shorten", SHORTEN, "LI14"],
    ["/url/shorten", CUSTOM, "LI14"],
    ["/url/edit", EDIT, "LI11"],
    ["/url/disable", BY_ID, "LI11"],
    ["/url/enable", BY_ID, "LI11"],
    ["/url/delete", BY_ID, "LI11"],
    ["/url/get", GET, "LI16"],
    ...DIMENSIONS.map((d): [string, string, ClientErrorCode] => [`/clicksdata/${d}`, CLICKS, "LI11"]),
  ];

  it.each(samples)(
    "POST %s answers the seed's failure shape (no lnnk.in, no such id here)",
    async (path, body, code) => {
      expectFailure(await clientPost(server, path, body), code);
    },
  );
});

describe("the seed's sample requests on a server whose default domain is lnnk.in", () => {
  let server: RunningServer;
  let created: Record<string, unknown>;
  const withIds = (sample: string) =>
    sample.replace(SEED_ID, String(created.tracking_id)).replace(SEED_SHORT_URL, String(created.short_url));

  beforeAll(async () => {
    server = await startClientServer({ baseUrl: () => "http://lnnk.in" });
  });
  afterAll(() => server.close());

  it("creates a short link from the shorten sample as written", async () => {
    created = expectSuccess(await clientPost(server, "/url/shorten", SHORTEN), BODY_KEYS.shorten);
    expect(created.short_url).toMatch(/^http:\/\/lnnk\.in\/[A-Za-z0-9_-]{7}$/);
    expect(created.tracking_id).toMatch(/^lnk_/);
    expect(created.track_url).toBe(`http://lnnk.in/t/${created.tracking_id}`);
  });

  it("creates the custom link of the sample, then answers the sample's LI07 when it is taken", async () => {
    const body = expectSuccess(await clientPost(server, "/url/shorten", CUSTOM), BODY_KEYS.shorten);
    expect(body.short_url).toBe("http://lnnk.in/API-Test");
    expectFailure(await clientPost(server, "/url/shorten", CUSTOM), "LI07");
  });

  it("answers the sample's LI05 for a destination that is no URL", async () => {
    expectFailure(await clientPost(server, "/url/shorten", { long_url: "www lnnkin com" }), "LI05");
  });

  it("replays the get sample with this link's short URL", async () => {
    const body = expectSuccess(await clientPost(server, "/url/get", withIds(GET)), BODY_KEYS.get);
    expect(body).toStrictEqual({ ...created, long_url: LONG_URL });
  });

  it.each(DIMENSIONS)("replays the clicksdata/%s sample with this link's id", async (dimension) => {
    const answer = await clientPost(server, `/clicksdata/${dimension}`, withIds(CLICKS));
    expect(expectSuccess(answer, BODY_KEYS.clicks)).toStrictEqual({
      tracking_id: created.tracking_id,
      start_date: "01/08/2020",
      end_date: "07/08/2020",
      short_url: created.short_url,
      clicks_data: [],
    });
  });

  it.each(["/url/edit", "/url/disable", "/url/enable"])(
    "replays the %s sample with this link's id",
    async (path) => {
      expectSuccess(await clientPost(server, path, withIds(path === "/url/edit" ? EDIT : BY_ID)));
    },
  );

  it("replays the delete sample with this link's id; the link is gone afterwards", async () => {
    expectSuccess(await clientPost(server, "/url/delete", withIds(BY_ID)));
    expectFailure(await clientPost(server, "/url/delete", withIds(BY_ID)), "LI11");
    expectFailure(await clientPost(server, "/url/get", withIds(GET)), "LI16");
  });
});
