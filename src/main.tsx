import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startLang } from './app/App';
import { loadLang } from './i18n/messages';
import './app/app.css';

// French (or any language but English) is a chunk of its own: in before the first paint.
void loadLang(startLang()).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
