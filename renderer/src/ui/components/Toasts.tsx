import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

export type Notify = (message: string, options?: { tone?: Toast['tone']; action?: ToastAction }) => void;

const ToastContext = createContext<Notify>(() => {});

/** Short confirmations with an optional action (Undo); errors stay until dismissed. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);

  const notify = useCallback<Notify>(
    (message, options = {}) => {
      const toast: Toast = { id: nextId.current++, message, tone: options.tone ?? 'info', action: options.action };
      setToasts((list) => [...list.slice(-3), toast]);
      // Long enough to reach Undo from the keyboard; errors wait for the reader.
      if (toast.tone === 'info') setTimeout(() => dismiss(toast.id), toast.action ? 10_000 : 5_000);
    },
    [dismiss],
  );

  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="nd-toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`nd-toast nd-toast--${toast.tone}`} data-testid="toast">
            <span className="nd-toast__message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="nd-button nd-button--ghost nd-toast__action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="nd-icon-button nd-toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(ToastContext);
}
