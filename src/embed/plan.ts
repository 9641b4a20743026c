/** Turns the attributes of <ig-embed> into a plan: which post, how to show it, from where, and when. */
import { IgError } from '../api/errors.js';
import { isShortcode, readPermalink, type IgPostKind, type IgPostRef } from '../api/permalink.js';
import { readEnum, readInteger, warnInvalid } from '../internal/attributes.js';
import { DEV, warnOnce } from '../internal/dev.js';
import { DEFAULT_EMBED_ORIGIN, resolveEmbedBase, type EmbedBase } from './origin.js';
import { kindWord } from './templates.js';

export const EMBED_MODES = ['iframe', 'official', 'oembed'] as const;
export type EmbedMode = (typeof EMBED_MODES)[number];
export const LOAD_STRATEGIES = ['lazy', 'eager', 'click'] as const;
export type LoadStrategy = (typeof LOAD_STRATEGIES)[number];
export const POST_KINDS = ['post', 'reel', 'tv'] as const satisfies readonly IgPostKind[];

/** Milliseconds to wait for the embed to show before falling back to a link. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The attribute values the plan is made from. */
export interface EmbedInputs {
  url?: string;
  shortcode?: string;
  kind?: string;
  mode?: string;
  load?: string;
  embedOrigin?: string;
  captioned: boolean;
  label?: string;
  timeout?: string | number;
}

export interface EmbedPlan {
  /** The post, unless the input names none. Then `error` explains why. */
  ref?: IgPostRef;
  error?: IgError;
  mode: EmbedMode;
  load: LoadStrategy;
  embed: EmbedBase;
  captioned: boolean;
  /** Accessible name of the frame, card and facade button. */
  label: string;
  timeoutMs: number;
}

const DEFAULT_BASE = resolveEmbedBase(DEFAULT_EMBED_ORIGIN)!;

/** Reads the post from `url`, else from `shortcode` and `kind`. */
function readPost(element: Element, inputs: EmbedInputs): { ref?: IgPostRef; error?: IgError } {
  const url = inputs.url?.trim();
  const shortcode = inputs.shortcode?.trim();
  if (url) {
    if (DEV && shortcode) warnOnce(`${element.localName}|url+shortcode`, `<${element.localName}> has both url and shortcode: using url.`, element);
    try {
      return { ref: readPermalink(url, 'url') };
    } catch (error) {
      return { error: error as IgError };
    }
  }
  if (shortcode) {
    if (!isShortcode(shortcode)) {
      return {
        error: new IgError('invalid-attribute', `shortcode=${JSON.stringify(shortcode)} is not a shortcode: expected 1 to 64 characters from A-Z, a-z, 0-9, "-" and "_".`, {
          hint: 'Copy the part after /p/ or /reel/ of the post URL, or set url to the whole URL instead.',
        }),
      };
    }
    return { ref: { kind: readEnum(element, 'kind', inputs.kind, POST_KINDS, 'post'), shortcode } };
  }
  return {
    error: new IgError('invalid-attribute', 'Neither url nor shortcode is set, so there is no post to show.', {
      hint: 'Set url to a post URL such as https://www.instagram.com/p/SHORTCODE/, or set shortcode.',
    }),
  };
}

/** Builds the plan; invalid enum, number and origin values warn once and use their defaults. */
export function resolvePlan(element: Element, inputs: EmbedInputs): EmbedPlan {
  const { ref, error } = readPost(element, inputs);
  let embed = resolveEmbedBase(inputs.embedOrigin);
  if (!embed) {
    warnInvalid(element, 'embed-origin', inputs.embedOrigin, 'an http or https URL', DEFAULT_EMBED_ORIGIN);
    embed = DEFAULT_BASE;
  }
  const label = inputs.label?.trim() || (ref ? `Instagram ${kindWord(ref.kind)} ${ref.shortcode}` : 'Instagram post');
  return {
    ref,
    error,
    mode: readEnum(element, 'mode', inputs.mode, EMBED_MODES, 'iframe'),
    load: readEnum(element, 'load', inputs.load, LOAD_STRATEGIES, 'lazy'),
    embed,
    captioned: inputs.captioned,
    label,
    timeoutMs: readInteger(element, 'timeout', inputs.timeout, 100, 600_000, DEFAULT_TIMEOUT_MS),
  };
}

/** Builds a string that changes whenever the plan would load something different. Label and timeout do not count. */
export function planKey(plan: EmbedPlan): string {
  const { ref, error, mode, load, embed, captioned } = plan;
  return JSON.stringify([ref?.kind, ref?.shortcode, error?.message, mode, load, embed.base, captioned]);
}
