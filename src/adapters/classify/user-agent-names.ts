import type { UserAgentInfo } from "../../application/ports/click-classification.js";

/** The name analytics shows when a user agent says nothing usable. */
export const UNKNOWN = "Unknown";

/** What a bot or crawler is classified as: its device, OS and browser are never counted. */
export const BOT_AGENT: UserAgentInfo = Object.freeze({
  device: "Other",
  os: UNKNOWN,
  browser: UNKNOWN,
  bot: true,
});

const OS_NAMES = new Map([
  ["Mac OS", "macOS"],
  ["Chromium OS", "Chrome OS"],
]);

// Distributions ua-parser names on their own: analytics groups them as Linux.
const LINUX_DISTRIBUTIONS = new Set(
  (
    "arch,centos,debian,deepin,elementary os,fedora,gentoo,kubuntu,linspire,lubuntu,mageia,mandriva,manjaro," +
    "mint,opensuse,pclinuxos,raspbian,red hat,redhat,sabayon,slackware,suse,ubuntu,vectorlinux,xubuntu,zenwalk"
  ).split(","),
);

const DESKTOP_OSES = new Set("Windows,macOS,Linux,Chrome OS,FreeBSD,OpenBSD,NetBSD,Solaris".split(","));
const MOBILE_OSES = new Set("Android,iOS,Windows Phone,HarmonyOS,KaiOS,BlackBerry,Symbian".split(","));

const BROWSER_NAMES = new Map([
  ["Mobile Safari", "Safari"],
  ["Chrome Headless", "Chrome"],
  ["Chrome WebView", "Android WebView"],
  ["Edge WebView", "Edge"],
  ["GSA", "Google"],
  ["IE", "Internet Explorer"],
  ["IEMobile", "Internet Explorer"],
  ["Opera Mobi", "Opera"],
  ["Opera Tablet", "Opera"],
  ["Opera Touch", "Opera"],
  ["Opera GX", "Opera"],
  ["Silk", "Amazon Silk"],
  ["UCBrowser", "UC Browser"],
  ["Yandex", "Yandex Browser"],
]);

// Consoles and TVs whose built-in browser ua-parser reports by its engine ("WebKit") or as Safari.
const BUILT_IN_BROWSERS = new Map([
  ["PlayStation", "PlayStation Browser"],
  ["Nintendo", "Nintendo Browser"],
  ["Tizen", "Samsung Internet"],
  ["iOS", "iOS WebView"],
  ["macOS", "Safari"],
]);

/** What ua-parser-js found, before naming. */
export interface RawAgent {
  readonly deviceType: string | undefined;
  readonly deviceModel: string | undefined;
  readonly os: string | undefined;
  readonly browser: string | undefined;
}

/** The human OS name ("macOS", "Linux" for any distribution, "tvOS"), or "Unknown". */
export function osName(raw: RawAgent): string {
  if (raw.os === undefined || raw.os === "") return UNKNOWN;
  if (raw.os === "iOS" && raw.deviceModel === "Apple TV") return "tvOS";
  if (LINUX_DISTRIBUTIONS.has(raw.os.toLowerCase())) return "Linux";
  return OS_NAMES.get(raw.os) ?? raw.os;
}

/** The human browser name ("Safari", "Samsung Internet", "Android WebView", "Facebook"), or "Unknown". */
export function browserName(raw: RawAgent, os: string): string {
  const browser = raw.browser;
  if (browser === undefined || browser === "") return UNKNOWN;
  const appleOs = os === "iOS" || os === "macOS";
  if (browser === "WebKit" || (!appleOs && (browser === "Safari" || browser === "Mobile Safari"))) {
    return BUILT_IN_BROWSERS.get(os) ?? UNKNOWN;
  }
  return BROWSER_NAMES.get(browser) ?? browser;
}

/** Desktop, Mobile, Tablet, or Other for TVs, consoles, wearables, XR headsets and what cannot be told. */
export function deviceName(raw: RawAgent, os: string): string {
  switch (raw.deviceType) {
    case "mobile":
      return "Mobile";
    case "tablet":
      return "Tablet";
    case undefined:
    case "":
      if (DESKTOP_OSES.has(os)) return "Desktop";
      return MOBILE_OSES.has(os) ? "Mobile" : "Other";
    default:
      return "Other";
  }
}
