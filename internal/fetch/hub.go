package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/fineprint-dev/fineprint/analysis/manifest"
	"github.com/fineprint-dev/fineprint/analysis/record"
)

// DefaultHubEndpoint is the Hugging Face Hub; HF_ENDPOINT replaces it.
const DefaultHubEndpoint = "https://huggingface.co"

// HubKind says which of the Hub's APIs an id is asked of.
type HubKind string

const (
	HubModel   HubKind = "models"
	HubDataset HubKind = "datasets"
)

// hubInfo is the part of the Hub's model and dataset info that fineprint
// reads: GET {endpoint}/api/models/{id} (or /api/datasets/{id}).
type hubInfo struct {
	ID       string          `json:"id"`
	SHA      string          `json:"sha"`
	Gated    json.RawMessage `json:"gated"` // false, "auto" or "manual"
	Tags     []string        `json:"tags"`
	CardData struct {
		License     json.RawMessage `json:"license"` // a string, or a list of them
		LicenseName string          `json:"license_name"`
		LicenseLink string          `json:"license_link"`
		BaseModel   json.RawMessage `json:"base_model"` // a string, or a list of them
	} `json:"cardData"`
}

// ErrNotOnHub is wrapped by HubResolve's error when the Hub answers 404
// or 401: the id does not exist, or is private (fineprint sends no token).
var ErrNotOnHub = errors.New("not on the Hub")

// HubResolve asks the Hub's API at endpoint (https only) about a model or
// dataset id, with opts bounding the request like any fetch, and returns
// what the card declares, with the URL asked and the time retrieved (RFC
// 3339). Only the id's own info is requested: no files, no token.
func HubResolve(ctx context.Context, endpoint string, kind HubKind, id, retrieved string, opts Options) (record.HubEntry, error) {
	if endpoint == "" {
		endpoint = DefaultHubEndpoint
	}
	u, err := url.Parse(strings.TrimRight(endpoint, "/"))
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return record.HubEntry{}, fmt.Errorf("the Hub endpoint %q is not an https URL (HF_ENDPOINT)", endpoint)
	}
	if !manifest.IsHubID(id) {
		return record.HubEntry{}, fmt.Errorf("%s is not a Hub id (org/name)", id)
	}
	org, name, _ := strings.Cut(id, "/")
	u = u.JoinPath("api", string(kind), org, name)
	opts.HTTPSOnly = true
	body, err := Fetch(ctx, u.String(), opts)
	if err != nil {
		var se *StatusError
		if errors.As(err, &se) && (se.Code == http.StatusNotFound || se.Code == http.StatusUnauthorized) {
			return record.HubEntry{}, fmt.Errorf("%s: %w (it does not exist, or it is private)", id, ErrNotOnHub)
		}
		return record.HubEntry{}, fmt.Errorf("%s: %w", id, err)
	}
	var info hubInfo
	if err := json.Unmarshal(body, &info); err != nil {
		return record.HubEntry{}, fmt.Errorf("%s: the Hub's answer is not the JSON expected: %v", id, err)
	}
	e := record.HubEntry{ID: id, LicenseName: info.CardData.LicenseName, LicenseLink: info.CardData.LicenseLink,
		Revision: info.SHA, Source: u.String(), Retrieved: retrieved}
	if ls := stringOrList(info.CardData.License); len(ls) > 0 {
		e.License = ls[0]
	}
	for _, t := range info.Tags {
		if l, ok := strings.CutPrefix(t, "license:"); ok && e.License == "" {
			e.License = l
		}
	}
	if gs := stringOrList(info.Gated); len(gs) > 0 {
		e.Gated = gs[0]
	}
	e.BaseModel = stringOrList(info.CardData.BaseModel)
	return e, nil
}

// stringOrList reads a JSON string or list of strings; anything else
// (false, null, numbers) is none.
func stringOrList(raw json.RawMessage) []string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s = strings.TrimSpace(s); s != "" {
			return []string{s}
		}
		return nil
	}
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
