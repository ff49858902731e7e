import type { ClickProfile } from "../../domain/click/click.js";
import type { RecordedClick } from "../ports/event-publisher.js";

/**
 * Human clicks kept one by one for `clicks.recorded`, as columns rather than an object each: a click held until
 * the next flush adds four array slots and a number, and no object that the garbage collector would copy twice
 * before it dies. The objects are made when the batch is taken.
 */
export class RecordedClicks {
  private accounts: string[] = [];
  private links: string[] = [];
  private times: number[] = [];
  private profiles: ClickProfile[] = [];
  private targets: string[] = [];

  get length(): number {
    return this.times.length;
  }

  push(accountId: string, linkId: string, at: Date, profile: ClickProfile, target: string): void {
    this.accounts.push(accountId);
    this.links.push(linkId);
    this.times.push(at.getTime());
    this.profiles.push(profile);
    this.targets.push(target);
  }

  /** Every click held, as the port carries them, and starts empty. */
  take(): RecordedClick[] {
    const clicks: RecordedClick[] = [];
    for (let i = 0; i < this.times.length; i++) {
      const profile = this.profiles[i];
      if (profile === undefined) continue;
      const { device, os, browser, country, referrer } = profile;
      clicks.push({
        accountId: this.accounts[i] ?? "",
        linkId: this.links[i] ?? "",
        at: new Date(this.times[i] ?? 0),
        device,
        os,
        browser,
        country,
        referrer,
        target: this.targets[i] ?? "",
      });
    }
    this.accounts = [];
    this.links = [];
    this.times = [];
    this.profiles = [];
    this.targets = [];
    return clicks;
  }
}
