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
    // Plot labels its groups (<g aria-label="bar">), which ARIA does not allow on elements without a
    // role; the label of the whole picture is on the holder, the numbers in the table beside it.
    for (const labelled of chart.querySelectorAll('[aria-label]')) labelled.removeAttribute('aria-label');
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [options]);
  return <div ref={holder} className="qd-chart" role="img" aria-label={label} />;
}
