/**
 * The request rule of <ig-like-button>: a click changes the shown state at once (optimistic),
 * at most one like or unlike request is in flight, and when it returns the state settles on the
 * user's last intent. So three quick clicks from "not liked" send one POST, and two send a POST
 * and then a DELETE. A failed request rolls the shown state back to the server's.
 */

/** A like state: whether the viewer likes the post, and the like count when known. */
export interface LikeState {
  liked: boolean;
  count?: number;
}

export interface LikeSyncHost {
  /** Sends a like (`true`) or an unlike (`false`) and resolves when the server confirmed it. */
  send(liked: boolean): Promise<void>;
  /** Receives the state to show after each click and each rollback. */
  show(state: LikeState): void;
  /** Receives the server's state once no further request is needed. */
  confirmed(state: LikeState): void;
  /** Receives a failed request's error, after the shown state was rolled back; `attempted` is the state that failed. */
  failed(error: unknown, attempted: boolean): void;
}

export class LikeSync {
  private server: LikeState;
  private intent: boolean;
  private pending = false;

  constructor(
    initial: LikeState,
    private readonly host: LikeSyncHost,
  ) {
    this.server = { ...initial };
    this.intent = initial.liked;
  }

  /** The state to show: the user's intent, with the server's count adjusted by the difference. */
  get view(): LikeState {
    const { liked, count } = this.server;
    if (count === undefined) return { liked: this.intent };
    const delta = Number(this.intent) - Number(liked);
    return { liked: this.intent, count: Math.max(0, count + delta) };
  }

  /** Whether a request is in flight. */
  get busy(): boolean {
    return this.pending;
  }

  /** Flips the intent, shows it, and sends a request unless one is in flight. */
  toggle(): void {
    this.intent = !this.intent;
    this.host.show(this.view);
    this.pump();
  }

  /** Sets the intent to `liked` (for a retry after a new token), sending a request when it differs from the server. */
  request(liked: boolean): void {
    if (this.intent === liked) return this.pump();
    this.toggle();
  }

  private pump(): void {
    if (this.pending || this.intent === this.server.liked) return;
    const target = this.intent;
    this.pending = true;
    this.host.send(target).then(
      () => {
        this.pending = false;
        const { count } = this.server;
        const changedBy = Number(target) - Number(this.server.liked);
        this.server = count === undefined ? { liked: target } : { liked: target, count: Math.max(0, count + changedBy) };
        if (this.intent !== this.server.liked) this.pump();
        else this.host.confirmed({ ...this.server });
      },
      (error: unknown) => {
        this.pending = false;
        this.intent = this.server.liked;
        this.host.show(this.view);
        this.host.failed(error, target);
      },
    );
  }
}
