import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Ministry } from './types';

export function useMinistries() {
  return useQuery({ queryKey: ['ministries'], queryFn: () => api.get<Ministry[]>('/api/ministries'), staleTime: 10 * 60_000 });
}
