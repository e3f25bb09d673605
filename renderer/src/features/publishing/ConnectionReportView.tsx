import { useEffect, useRef } from 'react';
import type { ConnectionReport } from '../../../../shared/model/publishing';

/** "Test connection": each step in the order it ran, ✓ or ✗, with what the site said. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const ref = useRef<HTMLElement>(null);
  // The answer arrives under the form, possibly below the fold: bring it into view.
  // (In braces: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [report]);
  return (
    <section ref={ref} className={`nd-connection nd-connection--${report.ok ? 'ok' : 'failed'}`} data-testid="connection-report" data-ok={report.ok} aria-live="polite">
      <p className="nd-connection__message" role={report.ok ? undefined : 'alert'}>
        {report.message}
      </p>
      <ol className="nd-connection__steps">
        {report.steps.map((step, index) => (
          <li key={index} className={`nd-connection__step nd-connection__step--${step.ok ? 'ok' : 'failed'}`} data-testid="connection-step" data-ok={step.ok}>
            <span className="nd-connection__mark" aria-label={step.ok ? 'Passed' : 'Failed'}>
              {step.ok ? '✓' : '✗'}
            </span>
            <span className="nd-connection__label">{step.label}</span>
            {step.detail && <span className="nd-connection__detail">{step.detail}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
