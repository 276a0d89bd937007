/**
 * Around a part of the app whose code loads on first use: if that code cannot be fetched (offline, or the site
 * was updated since the page loaded), a plain message takes its place and the rest of the app keeps working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  readonly message: string;
  readonly retryLabel: string;
  readonly children: ReactNode;
}

export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="load-failed" role="alert">
        <p>{this.props.message}</p>
        {/* A fresh page fetches the code again; the chart, unit and view are in the address and nothing is lost. */}
        <button type="button" onClick={() => window.location.reload()}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
