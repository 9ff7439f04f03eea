/** The console and the Python code, as tabs (the ARIA tabs pattern: ← → Home End switch). */
import { useRef } from 'react';
import { useT } from '../i18n/useT';
import { CodePanel, CopyCodeButton } from '../views/code/CodePanel';
import { ConsolePanel } from '../views/console/ConsolePanel';
import { ProgramPanel } from '../views/python/ProgramPanel';
import { useApp } from '../store/context';

export type BottomTab = 'console' | 'code';
const TABS: BottomTab[] = ['console', 'code'];

export function BottomTabs({ tab, setTab }: { tab: BottomTab; setTab(tab: BottomTab): void }) {
  const t = useT();
  const inPython = useApp((s) => s.program !== null);
  const buttons = useRef(new Map<BottomTab, HTMLButtonElement>());
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = {
      ArrowRight: TABS[(i + 1) % TABS.length],
      ArrowLeft: TABS[(i + TABS.length - 1) % TABS.length],
      Home: TABS[0],
      End: TABS[TABS.length - 1],
    }[e.key];
    if (!next) return;
    e.preventDefault();
    setTab(next);
    buttons.current.get(next)?.focus();
  };
  const tabButton = (id: BottomTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      ref={(b) => {
        if (b) buttons.current.set(id, b);
        else buttons.current.delete(id);
      }}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      onClick={() => setTab(id)}
      onKeyDown={onKeyDown}
    >
      {label}
    </button>
  );
  return (
    <section className="panel bottom" aria-label={t('bottom.label')}>
      <div className="tab-row">
        <div role="tablist" aria-label={t('bottom.tabs')} className="tabs">
          {tabButton('console', t('console.tab'))}
          {tabButton('code', inPython ? t('python.tab') : t('code.tab'))}
        </div>
        {tab === 'code' && <CopyCodeButton />}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'console' ? <ConsolePanel /> : inPython ? <ProgramPanel /> : <CodePanel />}
      </div>
    </section>
  );
}
