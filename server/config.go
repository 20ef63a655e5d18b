package server

import (
	"context"
	"encoding/json"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/fineprint-dev/fineprint/analysis"
)

// Settings is the client's "fineprint" settings section. use, rules and
// ignore are the profile of docs/configuration.md (a .fineprint.yaml in the
// workspace wins where both speak); the rest tune the server.
type Settings struct {
	Use    *analysis.Use     `json:"use,omitempty"`
	Rules  map[string]string `json:"rules,omitempty"`
	Ignore []string          `json:"ignore,omitempty"`
	// DebounceMs is how long to wait after a keystroke before analysing;
	// 0 analyses on every change.
	DebounceMs *int `json:"debounceMs,omitempty"`
	// MaxFileSize skips files larger than this many bytes (0: the
	// workspace default).
	MaxFileSize int64 `json:"maxFileSize,omitempty"`
}

const defaultDebounce = 200 * time.Millisecond

func defaultSettings() Settings { return Settings{} }

func (st Settings) debounce() time.Duration {
	if st.DebounceMs == nil || *st.DebounceMs < 0 {
		return defaultDebounce
	}
	return time.Duration(*st.DebounceMs) * time.Millisecond
}

// profile is the editor's part of the profile, nil when it says nothing.
func (st Settings) profile() *analysis.Profile {
	if st.Use == nil && st.Rules == nil && st.Ignore == nil {
		return nil
	}
	p := &analysis.Profile{Rules: st.Rules, Ignore: st.Ignore}
	if st.Use != nil {
		p.Use = *st.Use
	}
	return p
}

// parseSettings reads a settings value of any JSON shape; a malformed one
// is logged and the defaults are used.
func (s *Server) parseSettings(v any) Settings {
	st := defaultSettings()
	if v == nil {
		return st
	}
	data, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(data, &st)
	}
	if err != nil {
		s.log.Warn("ignoring invalid fineprint settings", zap.Error(err))
		return defaultSettings()
	}
	return st
}

// pullSettings asks the client for the "fineprint" section. A client that
// does not answer in time leaves the defaults in place.
func (s *Server) pullSettings() {
	s.mu.Lock()
	ok := s.client.configuration
	s.mu.Unlock()
	if !ok {
		return
	}
	var result []any
	params := &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: "fineprint"}}}
	if err := s.call(protocol.MethodWorkspaceConfiguration, params, &result); err != nil {
		s.log.Warn("workspace/configuration failed; using default settings", zap.Error(err))
		return
	}
	var v any
	if len(result) > 0 {
		v = result[0]
	}
	st := s.parseSettings(v)
	s.mu.Lock()
	s.settings = st
	s.mu.Unlock()
}

// DidChangeConfiguration re-reads the settings (pulled when the client
// supports it, else taken from the notification) and re-analyses.
func (s *Server) DidChangeConfiguration(ctx context.Context, p *protocol.DidChangeConfigurationParams) error {
	s.mu.Lock()
	pull := s.client.configuration
	s.mu.Unlock()
	if pull {
		// Pulling waits on the client: do it off the request queue.
		s.background(func() {
			s.pullSettings()
			s.sched.request(0)
		})
		return nil
	}
	var section any
	if m, ok := p.Settings.(map[string]any); ok {
		section = m["fineprint"]
	}
	st := s.parseSettings(section)
	s.mu.Lock()
	s.settings = st
	s.mu.Unlock()
	s.sched.request(0)
	return nil
}

func (s *Server) currentSettings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}
