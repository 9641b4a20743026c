/** Registers <ig-tag-feed> alone, for pages that use only this element. */
import { IgTagFeed } from '../elements/ig-tag-feed.js';

export { IgTagFeed };
IgTagFeed.define();
