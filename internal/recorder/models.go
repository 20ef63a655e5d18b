package recorder

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
)

// DefaultHubEndpoint is where model ids are looked up when HF_ENDPOINT is
// not set.
const DefaultHubEndpoint = "https://huggingface.co"

// maxModelLookups bounds the Hub requests of one record.
const maxModelLookups = 200

// hubModel is the part of the Hub's /api/models/ORG/NAME answer read.
type hubModel struct {
	ID       string   `json:"id"`
	Tags     []string `json:"tags"`
	CardData struct {
		License     any    `json:"license"`
		LicenseName string `json:"license_name"`
	} `json:"cardData"`
}

// lookupModels asks the Hub for the license of every Hub model id the
// project references that nothing local resolved, and returns the entries
// to record. A model the Hub does not answer for (private, gated without a
// token, renamed) is listed in the report's ModelMisses and recorded not.
func (r *run) lookupModels(ctx context.Context, prev record.Lock, res *analysis.Result) []record.ModelEntry {
	endpoint := strings.TrimRight(os.Getenv("HF_ENDPOINT"), "/")
	if endpoint == "" {
		endpoint = DefaultHubEndpoint
	}
	var out []record.ModelEntry
	asked := 0
	for _, m := range res.Models {
		if m.ResolvedBy != "" || prev.Model(m.ID) != nil || !manifest.IsHubID(m.ID) || asked >= maxModelLookups {
			continue
		}
		asked++
		src := endpoint + "/api/models/" + (&url.URL{Path: m.ID}).EscapedPath()
		body, err := fetch.Fetch(ctx, src, r.opts.FetchOptions)
		if err != nil {
			r.rep.ModelMisses = append(r.rep.ModelMisses, fmt.Errorf("model %s: %w", m.ID, err))
			continue
		}
		license, err := hubLicense(body)
		if err != nil {
			r.rep.ModelMisses = append(r.rep.ModelMisses, fmt.Errorf("model %s: %s: %w", m.ID, src, err))
			continue
		}
		out = append(out, record.ModelEntry{ID: m.ID, License: license, Source: src, Retrieved: r.opts.Now.Format(time.RFC3339)})
		r.rep.Resolved = append(r.rep.Resolved, m.ID)
	}
	return out
}

// hubLicense reads the license a Hub API answer declares: the card's
// license (its license_name when that is "other"), else a "license:" tag.
func hubLicense(body []byte) (string, error) {
	var m hubModel
	if err := json.Unmarshal(body, &m); err != nil {
		return "", fmt.Errorf("the answer is not the Hub's JSON: %w", err)
	}
	license := ""
	switch v := m.CardData.License.(type) {
	case string:
		license = v
	case []any:
		if len(v) > 0 {
			license, _ = v[0].(string)
		}
	}
	if (license == "" || license == "other") && m.CardData.LicenseName != "" {
		license = m.CardData.LicenseName
	}
	for _, t := range m.Tags {
		if v, ok := strings.CutPrefix(t, "license:"); ok && license == "" {
			license = v
		}
	}
	if license == "" {
		return "", fmt.Errorf("its card declares no license")
	}
	return strings.ToLower(license), nil
}
