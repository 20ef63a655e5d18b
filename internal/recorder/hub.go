package recorder

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/fineprint-dev/fineprint/analysis"
	"github.com/fineprint-dev/fineprint/analysis/record"
	"github.com/fineprint-dev/fineprint/internal/fetch"
)

// MaxHubIDs bounds the ids one run resolves through the Hub.
const MaxHubIDs = 200

// resolveIDs asks the Hub about every model and dataset id that nothing
// local resolved (analysis.UnresolvedIDs) and the lock does not hold yet,
// and returns the entries to add to the lock. The endpoint is
// Options.HubEndpoint, else $HF_ENDPOINT, else the Hugging Face Hub.
func (r *run) resolveIDs(ctx context.Context, prev record.Lock, res *analysis.Result) (models, datasets []record.HubEntry) {
	endpoint := r.opts.HubEndpoint
	if endpoint == "" {
		endpoint = os.Getenv("HF_ENDPOINT")
	}
	retrieved := r.opts.Now.Format(time.RFC3339)
	asked := 0
	for _, u := range analysis.UnresolvedIDs(res) {
		kind, have, word := fetch.HubModel, prev.Model(u.ID), "model"
		if u.Dataset {
			kind, have, word = fetch.HubDataset, prev.Dataset(u.ID), "dataset"
		}
		if have != nil || ctx.Err() != nil {
			continue
		}
		if asked++; asked > MaxHubIDs {
			r.rep.Unresolved = append(r.rep.Unresolved, fmt.Errorf("%s %s: not asked: at most %d ids are resolved in one run", word, u.ID, MaxHubIDs))
			continue
		}
		e, err := fetch.HubResolve(ctx, endpoint, kind, u.ID, retrieved, r.opts.FetchOptions)
		if err != nil {
			r.rep.Unresolved = append(r.rep.Unresolved, fmt.Errorf("could not resolve %s %w", word, err))
			continue
		}
		license := e.License
		if e.LicenseName != "" && (license == "" || license == "other") {
			license = e.LicenseName
		}
		if license == "" {
			license = "no license declared"
		}
		if u.Dataset {
			datasets = append(datasets, e)
		} else {
			models = append(models, e)
		}
		r.rep.Resolved = append(r.rep.Resolved, word+" "+u.ID+": "+license)
	}
	return models, datasets
}
