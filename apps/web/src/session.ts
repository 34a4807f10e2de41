import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import type { Notification, Role, Viewer } from './api/types';

export function useViewer() {
  return useQuery({ queryKey: ['me'], queryFn: () => api.get<Viewer>('/api/auth/me'), staleTime: 60_000 });
}

export function hasRole(viewer: Viewer | undefined, ...roles: Role[]): boolean {
  return !!viewer && viewer.roles.some((role) => roles.includes(role));
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => (await api.get<Notification[]>('/api/notifications', { unread: true, limit: 500 })).length,
    refetchInterval: 60_000,
  });
}

/** Where sign-in should send the user back to: only paths of this app, never another site. */
export function safeReturnPath(naar: string | null): string {
  if (!naar || !naar.startsWith('/') || naar.startsWith('//') || naar.startsWith('/inloggen')) return '/';
  return naar;
}
