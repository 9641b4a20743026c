/** Registers <ig-embed> alone, for pages that use only this element. */
import { IgEmbed } from '../elements/ig-embed.js';

export { IgEmbed };
IgEmbed.define();
