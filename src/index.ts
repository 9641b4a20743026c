/** The registering entry: importing it defines every ig-* element under its default tag. */
import { IgEmbed } from './elements/ig-embed.js';
import { IgFeed } from './elements/ig-feed.js';
import { IgLikeButton } from './elements/ig-like-button.js';
import { IgProvider } from './elements/ig-provider.js';
import { IgTagFeed } from './elements/ig-tag-feed.js';

export * from './classes.js';

IgProvider.define();
IgLikeButton.define();
IgFeed.define();
IgTagFeed.define();
IgEmbed.define();
