// Package fetch downloads referenced policies for `fineprint record --fetch`
// and the server's fineprint.recordPolicy command: the only network access
// fineprint ever makes, and only when the user asks.
//
// It speaks HTTP and HTTPS only (redirects to any other scheme are refused),
// gives up after a timeout, refuses bodies over a size cap and follows a
// bounded number of redirects. It returns the whole body or an error naming
// the URL, never a part: callers write the result to disk only on success,
// and atomically.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Defaults for Options left at zero.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBytes     = 2 << 20
	DefaultMaxRedirects = 3
)

// Options bound a fetch. Zero fields take the defaults.
type Options struct {
	Timeout      time.Duration
	MaxBytes     int64
	MaxRedirects int // negative: follow none
	// Client sends the requests; nil means a client using
	// http.DefaultTransport. Its CheckRedirect and Timeout are not used.
	Client *http.Client
	// UserAgent is sent with every request.
	UserAgent string
}

// Fetch returns the body of the document at rawURL.
func Fetch(ctx context.Context, rawURL string, opts Options) ([]byte, error) {
	opts = opts.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: not a URL: %w", rawURL, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if opts.UserAgent != "" {
		req.Header.Set("User-Agent", opts.UserAgent)
	}
	client := *opts.Client // a copy, to install our redirect policy
	client.Timeout = 0
	client.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects {
			return fmt.Errorf("more than %d redirects", opts.MaxRedirects)
		}
		if err := checkScheme(r.URL); err != nil {
			return fmt.Errorf("redirect to %s: %w", r.URL, err)
		}
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, describe(ctx, err, opts.Timeout))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: server answered %s", rawURL, resp.Status)
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: larger than %d bytes", rawURL, opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, describe(ctx, err, opts.Timeout))
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: larger than %d bytes", rawURL, opts.MaxBytes)
	}
	return body, nil
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	} else if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	return o
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme %q is not allowed (only http and https)", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("no host")
	}
	return nil
}

// describe turns a transport error into a short reason.
func describe(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
