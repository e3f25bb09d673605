import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface ScaledPageProps {
  /** The page's layout width in CSS pixels (what the site's stylesheet sees). */
  width: number;
  className: string;
  children: ReactNode;
}

/**
 * A page laid out at `width` and shown scaled down (CSS transform) when its frame is narrower, so
 * the desktop layout is the real 1000 px layout, only smaller. A transform does not change layout
 * size, so the scrolled box is sized here to the scaled height.
 */
export function ScaledPage({ width, className, children }: ScaledPageProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    const page = pageRef.current;
    if (!viewport || !page) return;
    const measure = () => {
      const available = viewport.clientWidth;
      setScale(available > 0 ? Math.min(1, available / width) : 1);
      setHeight(page.offsetHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    observer.observe(page);
    return () => observer.disconnect();
  }, [width]);

  return (
    <div ref={viewportRef} className={`nd-scaled-page ${className}`} data-scale={scale.toFixed(3)}>
      <div className="nd-scaled-page__sizer" style={{ width: width * scale, height: height * scale }}>
        <div ref={pageRef} className="nd-scaled-page__page" style={{ width, transform: scale === 1 ? undefined : `scale(${scale})` }}>
          {children}
        </div>
      </div>
    </div>
  );
}
