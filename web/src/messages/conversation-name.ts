import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';

interface Person {
  id: string;
  displayName: string;
}

/** The people of a conversation other than the viewer (everyone, when the viewer is not known yet). */
export function otherPeople<P extends Person>(participants: readonly P[], viewerId: string | undefined): P[] {
  const others = participants.filter((p) => p.id !== viewerId);
  return others.length ? others : [...participants];
}

/** What a conversation is called: its title, else the other people's names ("Hugo Bernard, Léa Fontaine"). */
export function conversationName(
  conversation: { title?: string | null; participants: readonly Person[] },
  viewerId: string | undefined,
): string {
  if (conversation.title) return conversation.title;
  const names = otherPeople(conversation.participants, viewerId).map((p) => p.displayName);
  return names.length ? names.join(', ') : i18n._(msg`Conversation sans participant`);
}
