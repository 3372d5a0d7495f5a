/**
 * Everything that happens in Maillage that another module may care about, with what it carries
 * (ids, and the few values subscribers need to word a notification or an audit entry). Producers
 * publish these in the transaction of the write; search, notifications and the audit log subscribe.
 * A new side effect is a new subscriber, not a new call in every producer.
 */
export interface DomainEventMap {
  /** A person's account was created (an accepted invitation, or the first admin). */
  'account.created': { userId: string };
  /**
   * A person was erased (deleteMyAccount or retention). `reattributed`: per table, the ids of
   * their public contributions, now signed "Ancien membre".
   */
  'account.erased': { userId: string; reattributed: Record<string, string[]> };
  'profile.updated': { userId: string };
  /** A new password, by `changePassword` or by a reset link (`reset`). */
  'account.password_changed': { userId: string; reset: boolean };
  'user.deactivated': { userId: string; actorId: string; organizationIds: string[] };
  'user.reactivated': { userId: string; actorId: string; organizationIds: string[] };

  'invitation.created': { invitationId: string; organizationId: string; actorId: string; role: string };
  'invitation.revoked': { invitationId: string; organizationId: string; actorId: string };
  /** The membership exists now (what an import noted on the invitation is applied to it). */
  'invitation.accepted': { invitationId: string; organizationId: string; userId: string };
  'member.role_changed': { organizationId: string; userId: string; actorId: string; from: string; to: string };
  'member.removed': { organizationId: string; userId: string; actorId: string; role: string };

  'group.created': { groupId: string; organizationId: string; actorId: string };
  'group.updated': {
    groupId: string;
    organizationId: string;
    actorId: string;
    visibility: { from: string; to: string } | null;
  };
  'group.join_requested': { groupId: string; userId: string };
  'group.join_approved': { groupId: string; userId: string; actorId: string };

  'post.created': { postId: string; groupId: string; authorId: string };
  'post.edited': { postId: string };
  /** `actorId` differs from `authorId` when a moderator removed it. */
  'post.deleted': { postId: string; groupId: string; authorId: string | null; actorId: string };
  'comment.added': {
    commentId: string;
    postId: string;
    groupId: string;
    postAuthorId: string | null;
    authorId: string;
  };
  'comment.deleted': { commentId: string; postId: string; groupId: string; authorId: string | null; actorId: string };

  'question.asked': { questionId: string; groupId: string; authorId: string };
  'answer.posted': {
    answerId: string;
    questionId: string;
    questionTitle: string;
    groupId: string;
    questionAuthorId: string | null;
    authorId: string;
  };
  'answer.accepted': {
    answerId: string;
    questionId: string;
    questionTitle: string;
    groupId: string;
    answerAuthorId: string | null;
    /** The answer accepted before, if another one was. */
    previousAnswerId: string | null;
    actorId: string;
  };
  'answer.voted': { answerId: string };

  'event.created': { eventId: string; groupId: string; authorId: string };
  'event.updated': { eventId: string; groupId: string; actorId: string };
  /** `attendeeIds`: the people GOING or WAITLISTED when it was cancelled. */
  'event.cancelled': { eventId: string; groupId: string; title: string; actorId: string; attendeeIds: string[] };
  /** Someone left the waitlist for a place (another person withdrew, or the capacity grew). */
  'event.promoted': { eventId: string; groupId: string; title: string; userIds: string[] };
}

export type DomainEventType = keyof DomainEventMap;

/** One event: its `type` and what that type carries. */
export type DomainEventOf<T extends DomainEventType> = { type: T } & DomainEventMap[T];

export type DomainEvent = { [T in DomainEventType]: DomainEventOf<T> }[DomainEventType];
