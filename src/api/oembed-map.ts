/** Maps an oEmbed response (legacy or Graph) to IgOEmbed, dropping its `html`. */
import type { IgOEmbed, IgOEmbedOptions } from './model.js';
import { asCount, asString, isObject, safeUrl } from './normalize.js';

export function mapOEmbed(raw: unknown): IgOEmbed | undefined {
  if (!isObject(raw)) return undefined;
  const result: IgOEmbed = {
    title: asString(raw.title),
    authorName: asString(raw.author_name),
    authorUrl: safeUrl(raw.author_url),
    mediaId: asString(raw.media_id),
    thumbnailUrl: safeUrl(raw.thumbnail_url),
    thumbnailWidth: asCount(raw.thumbnail_width),
    thumbnailHeight: asCount(raw.thumbnail_height),
    width: asCount(raw.width),
    providerName: asString(raw.provider_name),
  };
  // A body with none of the oEmbed fields is not an oEmbed response.
  return raw.type === 'rich' || raw.html !== undefined || result.providerName ? result : undefined;
}

/** Adds the query parameters both oEmbed endpoints take. `omitscript` because embed.js is loaded separately. */
export function oembedParams(url: URL, postUrl: string, options: IgOEmbedOptions): URL {
  url.searchParams.set('url', postUrl);
  if (options.maxWidth !== undefined) url.searchParams.set('maxwidth', String(options.maxWidth));
  if (options.hideCaption) url.searchParams.set('hidecaption', 'true');
  url.searchParams.set('omitscript', 'true');
  return url;
}
