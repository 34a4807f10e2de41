/** Queries that more than one screen uses. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEvent, Ministry, QuestionSet, Worklist } from './types';

export function useMinistries() {
  return useQuery({ queryKey: ['ministries'], queryFn: () => api.get<Ministry[]>('/api/ministries'), staleTime: 10 * 60_000 });
}

/** The werkvoorraad query, shared by the screen and by sign-in (which starts it while the screen loads). */
export const worklistQuery = {
  queryKey: ['worklist'],
  queryFn: () => api.get<Worklist>('/api/worklist'),
  // What sign-in fetched a moment ago is fresh: the screen shows it instead of asking again.
  staleTime: 10_000,
};

export function useQuestionSet(id: string) {
  return useQuery({ queryKey: ['question-set', id], queryFn: () => api.get<QuestionSet>(`/api/question-sets/${id}`) });
}

export function useEvents(id: string) {
  return useQuery({ queryKey: ['question-set-events', id], queryFn: () => api.get<AuditEvent[]>(`/api/question-sets/${id}/events`) });
}
