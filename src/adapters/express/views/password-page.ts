import { PASSWORD_MAX_LENGTH } from "../../../domain/link/link.js";
import { html } from "./escape.js";
import { icon } from "./icons.js";
import { page } from "./layout.js";

/** What the password form needs: where it posts and, after a wrong guess, the message to show. */
export interface PasswordPageView {
  readonly action: string;
  readonly error?: string;
}

/** The form asking for a protected link's password; it is never given the destination, so cannot leak it. */
export function passwordPage({ action, error }: PasswordPageView): string {
  const invalid = error !== undefined && error !== "";
  const body = html`<div class="card">
<div class="icon-circle">${icon("lock")}</div>
<h1 class="center">This link is protected</h1>
<p class="lead center">Enter the password to continue.</p>
<form method="post" action="${action}">
<label for="password">Password</label>
<input id="password" name="password" type="password" required autofocus autocomplete="current-password" maxlength="${PASSWORD_MAX_LENGTH}"${invalid && html` aria-invalid="true" aria-describedby="password-error"`}>
${invalid && html`<p id="password-error" class="alert" role="alert">${error}</p>`}
<button class="button block" type="submit">Continue</button>
</form>
</div>`;
  return page({ title: "Password required", body, noindex: true });
}
