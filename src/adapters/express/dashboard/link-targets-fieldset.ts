import { MAX_RULES } from "../../../domain/link/redirect-rules.js";
import { MAX_VARIANTS, MIN_VARIANTS } from "../../../domain/link/split-variants.js";
import { html, type SafeHtml } from "../views/escape.js";

const CONDITIONS = [
  { name: "device", label: "Devices", hint: "Desktop, Mobile, Tablet" },
  { name: "os", label: "Operating systems", hint: "iOS, Android" },
  { name: "browser", label: "Browsers", hint: "Chrome, Safari" },
  { name: "country", label: "Countries", hint: "US, DE" },
  { name: "language", label: "Languages", hint: "en, pt" },
  { name: "query", label: "Query", hint: "utm_source=mail, ref=*" },
  { name: "ip", label: "IP ranges", hint: "203.0.113.0/24, 2001:db8::/32" },
] as const;

/** How many rows of a kind the form shows: those filled, plus a blank one to add (within the limit). */
function rowCount(
  fields: Readonly<Record<string, string>>,
  prefix: string,
  least: number,
  most: number,
): number {
  let filled = 0;
  for (let index = 0; index < most; index++) {
    if (
      Object.keys(fields).some(
        (name) => name.startsWith(prefix) && name.endsWith(`_${index}`) && fields[name] !== "",
      )
    )
      filled = index + 1;
  }
  return Math.min(most, Math.max(least, filled + 1));
}

function input(
  fields: Readonly<Record<string, string>>,
  name: string,
  label: string,
  type = "text",
  hint?: string,
): SafeHtml {
  return html`<div class="field"><label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${fields[name] ?? ""}"${hint !== undefined && html` placeholder="${hint}"`} maxlength="2048" autocapitalize="off" spellcheck="false"></div>`;
}

function ruleRow(fields: Readonly<Record<string, string>>, index: number): SafeHtml {
  const at = (name: string) => `rule_${name}_${index}`;
  return html`<fieldset class="rule"><legend>Rule ${index + 1}</legend>
${input(fields, at("url"), `Rule ${index + 1}: send to`, "url", "https://example.com/for-them")}
<div class="conditions">
${CONDITIONS.map((condition) => input(fields, at(condition.name), condition.label, "text", condition.hint))}
${input(fields, at("after"), "From (UTC)", "datetime-local")}
${input(fields, at("before"), "Until (UTC)", "datetime-local")}
</div></fieldset>`;
}

function variantRow(fields: Readonly<Record<string, string>>, index: number): SafeHtml {
  return html`<div class="two variant">
${input(fields, `variant_url_${index}`, `Variant ${index + 1} URL`, "url")}
<div class="field"><label for="variant_weight_${index}">Variant ${index + 1} weight (%)</label><input id="variant_weight_${index}" name="variant_weight_${index}" type="number" min="1" max="100" step="1" value="${fields[`variant_weight_${index}`] ?? ""}"></div>
</div>`;
}

/**
 * The rules and split-test rows of the link form, without JavaScript: the rows a link has, plus a blank one;
 * saving a filled blank row shows another. A visitor goes to the first rule whose every filled condition
 * holds (lists: any of), else to a variant, else to the destination.
 */
export function targetsFieldset(fields: Readonly<Record<string, string>>): SafeHtml {
  const rules = rowCount(fields, "rule_", 1, MAX_RULES);
  const variants = rowCount(fields, "variant_", MIN_VARIANTS, MAX_VARIANTS);
  return html`<details class="targets"${Object.values(fields).some((value) => value !== "") && html` open`}>
<summary>Redirect rules and split test</summary>
<p class="hint small muted">The first rule whose every filled condition holds sends the visitor to its URL (a list holds when any entry does); otherwise a split-test variant, chosen per visitor and day by weight (weights add up to 100); otherwise the destination. Clear a row to remove it.</p>
${Array.from({ length: rules }, (_, index) => ruleRow(fields, index))}
<fieldset class="variants"><legend>Split test</legend>
${Array.from({ length: variants }, (_, index) => variantRow(fields, index))}
</fieldset>
</details>`;
}
