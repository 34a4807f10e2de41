import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Ministry, Worklist } from './types';

export function useMinistries() {
  return useQuery({ queryKey: ['ministries'], queryFn: () => api.get<Ministry[]>('/api/ministries'), staleTime: 10 * 60_000 });
}

/** The werkvoorraad query, shared by the screen and by sign-in (which starts it while the screen loads). */
export const worklistQuery = {
  queryKey: ['worklist'],
  queryFn: () => api.get<Worklist>('/api/worklist'),
};
