// Package fetch downloads referenced policies for `fineprint record --fetch`
// and the server's fineprint.recordPolicy command: the only network access
// fineprint ever makes, and only when the user asks.
//
// It speaks HTTP and HTTPS only (redirects to any other scheme are refused),
// gives up after a timeout, refuses bodies over a size cap and bodies that
// are not text, and follows a bounded number of redirects. It returns the
// whole body or an error naming the URL, never a part: callers write the
// result to disk only on success, and atomically.
//
// The URLs come from license texts, so from whoever wrote them: every
// connection is checked when it is dialled, after the name was resolved,
// and refused when the address is loopback, link-local (cloud metadata at
// 169.254.169.254), private, unspecified or multicast, unless the user
// allowed that host by name (Options.AllowHosts). A redirect is dialled,
// and checked, anew; a name that resolves to 127.0.0.1 (127.0.0.1.nip.io)
// fails as the address itself does.
package fetch

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"syscall"
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
	// Client sends the requests; nil means a client like
	// http.DefaultTransport's whose dialer refuses internal addresses
	// (AllowHosts aside). A Client given here replaces that guard: tests
	// use it to stub the network. Its CheckRedirect and Timeout are not used.
	Client *http.Client
	// AllowHosts are host names (or address literals), as written in URLs,
	// that may be fetched even when they resolve to a loopback, private or
	// link-local address: an intranet policy server the user trusts.
	AllowHosts []string
	// UserAgent is sent with every request.
	UserAgent string
	// Resolver looks up host names for the default client; nil means the
	// system's. Tests substitute one to point names at a local server:
	// the addresses it returns are checked like any other.
	Resolver interface {
		LookupHost(ctx context.Context, host string) ([]string, error)
	}
	// HTTPSOnly refuses http URLs, redirects to them included.
	HTTPSOnly bool
}

// StatusError is a server's answer other than 200 OK.
type StatusError struct {
	Code   int
	Status string // "404 Not Found"
}

func (e *StatusError) Error() string { return "server answered " + e.Status }

// Fetch returns the body of the document at rawURL.
func Fetch(ctx context.Context, rawURL string, opts Options) ([]byte, error) {
	opts = opts.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: not a URL: %w", rawURL, err)
	}
	if err := opts.checkScheme(u); err != nil {
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
	defer client.CloseIdleConnections()
	client.Timeout = 0
	client.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects {
			return fmt.Errorf("more than %d redirects", opts.MaxRedirects)
		}
		if err := opts.checkScheme(r.URL); err != nil {
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
		return nil, fmt.Errorf("fetch %s: %w", rawURL, &StatusError{resp.StatusCode, resp.Status})
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !textual(ct) {
		return nil, fmt.Errorf("fetch %s: the server sent %s, not text; save the policy's text into its copy by hand", rawURL, ct)
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
	if bytes.IndexByte(body[:min(len(body), 8<<10)], 0) >= 0 {
		return nil, fmt.Errorf("fetch %s: the body is binary, not text; save the policy's text into its copy by hand", rawURL)
	}
	return body, nil
}

// textual reports whether a Content-Type names text a person can read in a
// copy: text/*, HTML, XML and JSON.
func textual(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"), mt == "application/xhtml+xml", mt == "application/xml", mt == "application/json",
		strings.HasSuffix(mt, "+xml"), strings.HasSuffix(mt, "+json"):
		return true
	}
	return false
}

// ErrInternalAddress is wrapped by the error of a connection refused
// because of where it leads.
var ErrInternalAddress = errors.New("refused: the address is internal (loopback, private, link-local or unspecified)")

// guardedClient is the default client: http.DefaultTransport's settings,
// with a dialer that checks each address it connects to.
func guardedClient(allow []string, resolver interface {
	LookupHost(ctx context.Context, host string) ([]string, error)
}) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	checked := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: controlAddress}
	open := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	var proxies sync.Map // host:port of the proxies in use
	proxy := t.Proxy
	t.Proxy = func(r *http.Request) (*url.URL, error) {
		u, err := proxy(r)
		if u != nil {
			// The proxy the user configured is dialled as it is; the
			// proxy resolves the policy's host, so only an address
			// literal in the URL can be checked here.
			proxies.Store(canonicalAddr(u), true)
			if isInternalHost(r.URL.Hostname()) && !allowed(allow, r.URL.Hostname()) {
				return nil, fmt.Errorf("%s: %w", r.URL.Hostname(), ErrInternalAddress)
			}
		}
		return u, err
	}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, _ := net.SplitHostPort(addr)
		d := checked
		if _, proxy := proxies.Load(addr); proxy || allowed(allow, host) {
			d = open
		}
		if resolver == nil || net.ParseIP(host) != nil {
			return d.DialContext(ctx, network, addr)
		}
		ips, err := resolver.LookupHost(ctx, host)
		if err != nil {
			return nil, err
		}
		var first error
		for _, ip := range ips {
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip, port))
			if err == nil {
				return c, nil
			}
			first = cmp.Or(first, err)
		}
		return nil, cmp.Or(first, fmt.Errorf("%s: no address", host))
	}
	return &http.Client{Transport: t}
}

// canonicalAddr is the host:port the transport dials for proxy u.
func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func allowed(allow []string, host string) bool {
	return slices.ContainsFunc(allow, func(a string) bool { return strings.EqualFold(strings.Trim(a, "[]"), host) })
}

// controlAddress runs after the name was resolved, before the connection
// is made: address is the IP and port about to be dialled.
func controlAddress(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if isInternalHost(host) {
		return fmt.Errorf("%s: %w", host, ErrInternalAddress)
	}
	return nil
}

// isInternalHost reports an address literal that is not on the public
// internet. A name (not a literal) is not internal by itself: its
// addresses are checked when dialled.
func isInternalHost(host string) bool {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return false
	}
	return Internal(ip)
}

// sharedSpace is 100.64.0.0/10 (carrier-grade NAT); thisNet is 0.0.0.0/8.
var sharedSpace, thisNet = netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("0.0.0.0/8")

// Internal reports whether ip is loopback, private, link-local, unspecified,
// multicast, carrier-grade NAT or "this network" (IPv4-mapped IPv6
// addresses as their IPv4 address).
func Internal(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() ||
		sharedSpace.Contains(ip) || thisNet.Contains(ip)
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
		o.Client = guardedClient(o.AllowHosts, o.Resolver)
	}
	return o
}

func (o Options) checkScheme(u *url.URL) error {
	if o.HTTPSOnly && u.Scheme != "https" {
		return fmt.Errorf("scheme %q is not allowed (only https)", u.Scheme)
	}
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
	if errors.Is(err, ErrInternalAddress) {
		var host string
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Addr != nil {
			host, _, _ = net.SplitHostPort(oe.Addr.String())
		}
		if host == "" {
			return ErrInternalAddress
		}
		return fmt.Errorf("refused to connect to %s: the address is internal (loopback, private, link-local or unspecified); allow the host by name if it is yours", host)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
