import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiRequest } from '../lib/api';
import { earlyOrFetch } from '../lib/earlyRequests';

export interface SystemInfo {
  demoMode: boolean;
  simulators: boolean;
  version: string;
}

export function fetchSystem(): Promise<SystemInfo> {
  return earlyOrFetch('/system', () => apiRequest<SystemInfo>('/system', { ignoreUnauthorized: true }));
}

const SystemContext = createContext<SystemInfo | null>(null);

/** Loads the public system facts once; until they arrive the app assumes no demo mode. */
export function SystemProvider({ children }: { children: ReactNode }) {
  const [system, setSystem] = useState<SystemInfo | null>(null);

  useEffect(() => {
    let current = true;
    fetchSystem().then(
      (info) => current && setSystem(info),
      () => {
        // The login check reports an unreachable server; the banner just stays hidden.
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return <SystemContext.Provider value={system}>{children}</SystemContext.Provider>;
}

export function useSystem(): SystemInfo | null {
  return useContext(SystemContext);
}

export function DemoBanner() {
  const system = useSystem();
  if (!system?.demoMode) {
    return null;
  }
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      デモモード（合成データ・デモアカウント）
    </div>
  );
}
