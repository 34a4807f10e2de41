import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/**
 * An Observable Plot chart (SVG). It is a picture of the table beside it: screen readers get the
 * label (role img), the numbers are in the table, so a chart is never the only way to read one.
 */
export function Chart({ label, options }: { label: string; options: Plot.PlotOptions }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const chart = Plot.plot({ width: 560, height: 320, style: { fontSize: '13px', background: 'transparent' }, ...options });
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [options]);
  return <div ref={holder} className="qd-chart" role="img" aria-label={label} />;
}
