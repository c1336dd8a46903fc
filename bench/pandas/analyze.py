"""The notebook's stack doing analyze's job, for `npm run bench -- scale` (pandas + scikit-learn, Debian's).

Reads the same events and users (as CSV: Debian has no Parquet reader for pandas, neither pyarrow nor
fastparquet), then computes what analyze computes, the way a notebook would:
  cohorts   monthly signup cohorts (first event) x months since, active users per cell, retention rates
  funnels   session funnel (view -> cart -> purchase within a session), user funnel, per-category funnel
  segments  15 features per active user (RFM, sessions, views, carts, orders, revenue, categories, ...),
            log1p + z-scores, k = 2..8 by silhouette on a 5,000-user sample (KMeans, 10 restarts each),
            a final fit of the chosen k on a 20,000-user sample, every user assigned, 5 bootstrap refits
            compared by adjusted Rand index, and a 2-D PCA.
Prints one JSON line: seconds per phase and a few counts (so the two sides can be checked to agree).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, silhouette_score

folder = sys.argv[1]
timings = {}
started = time.perf_counter()


def lap(name):
    global started
    now = time.perf_counter()
    timings[name] = round(now - started, 3)
    started = now


events = pd.read_csv(f"{folder}/events.csv", parse_dates=["timestamp"],
                     dtype={"event_id": "int64", "user_id": "string", "session_id": "string", "event_type": "string",
                            "product_id": "string", "category": "string", "price": "float64", "quantity": "float64"})
users = pd.read_csv(f"{folder}/users.csv", usecols=["user_id", "segment"], dtype={"user_id": "string", "segment": "string"})
lap("read")

# Cohorts: users by the month of their first event, active users per month since.
events["month"] = events["timestamp"].dt.to_period("M")
first = events.groupby("user_id")["month"].min().rename("cohort")
active = events[["user_id", "month"]].drop_duplicates().join(first, on="user_id")
active["age"] = (active["month"] - active["cohort"]).apply(lambda offset: offset.n)
cells = active.groupby(["cohort", "age"]).size().unstack(fill_value=0)
retention = cells.div(cells[0], axis=0)
lap("cohorts")

# Funnels: sessions and users reaching each step, and per category.
steps = ["product_view", "add_to_cart", "purchase"]
for step in steps:
    events[step] = events["event_type"] == step
flags = events.groupby(["user_id", "session_id"])[steps].any()
session_funnel = [int(flags[steps[: i + 1]].all(axis=1).sum()) for i in range(3)]
user_flags = flags.groupby(level="user_id").any()
user_funnel = [int(user_flags[steps[: i + 1]].all(axis=1).sum()) for i in range(3)]
with_category = events.dropna(subset=["category"])
category_flags = with_category.groupby(["user_id", "session_id", "category"])[steps].any()
category_funnel = category_flags.groupby(level="category").sum()
lap("funnels")

# Segments: features per user.
end = events["timestamp"].max()
events["revenue"] = np.where(events["event_type"] == "purchase", events["price"] * events["quantity"].fillna(1), 0.0)
sessions = events.groupby(["user_id", "session_id"]).agg(
    first_ts=("timestamp", "min"), last_ts=("timestamp", "max"),
    views=("product_view", "sum"), carts=("add_to_cart", "sum"), purchases=("purchase", "sum"), revenue=("revenue", "sum"))
sessions["ordered"] = sessions["purchases"] > 0
sessions["minutes"] = (sessions["last_ts"] - sessions["first_ts"]).dt.total_seconds() / 60
per_user = sessions.groupby(level="user_id").agg(
    last=("last_ts", "max"), first=("first_ts", "min"), sessions=("views", "size"), product_views=("views", "sum"),
    add_to_carts=("carts", "sum"), orders=("ordered", "sum"), revenue=("revenue", "sum"),
    abandoned=("carts", "size"), avg_session_minutes=("minutes", "mean"))
carted = sessions[(sessions["carts"] > 0) & (sessions["purchases"] == 0)].groupby(level="user_id").size()
features = pd.DataFrame({
    "recency_days": (end - per_user["last"]).dt.total_seconds() / 86400,
    "tenure_days": (end - per_user["first"]).dt.total_seconds() / 86400,
    "sessions": per_user["sessions"], "product_views": per_user["product_views"], "add_to_carts": per_user["add_to_carts"],
    "orders": per_user["orders"], "revenue": per_user["revenue"],
    "avg_order_value": (per_user["revenue"] / per_user["orders"].replace(0, np.nan)).fillna(0),
    "distinct_categories": with_category.groupby("user_id")["category"].nunique().reindex(per_user.index, fill_value=0),
    "views_per_session": per_user["product_views"] / per_user["sessions"],
    "abandoned_carts": carted.reindex(per_user.index, fill_value=0),
    "session_conversion": per_user["orders"] / per_user["sessions"],
    "avg_session_minutes": per_user["avg_session_minutes"],
})
for column in ["sessions", "product_views", "add_to_carts", "orders", "revenue", "avg_order_value", "abandoned_carts"]:
    features[column] = np.log1p(features[column])
sd = features.std(ddof=0).replace(0, 1)
matrix = ((features - features.mean()) / sd).to_numpy()
lap("features")

rng = np.random.default_rng(42)
order = rng.permutation(len(matrix))
selection = matrix[order[:5000]]
scores = {}
for k in range(2, 9):
    labels = KMeans(n_clusters=k, n_init=10, random_state=42).fit_predict(selection)
    scores[k] = silhouette_score(selection, labels)
best = max(scores, key=scores.get)
lap("k selection")
final = KMeans(n_clusters=best, n_init=10, random_state=42).fit(matrix[order[:20000]])
labels = final.predict(matrix)
lap("final fit and assignment")
fit_sample = matrix[order[:20000]]
base = labels[order[:20000]]
aris = []
for b in range(5):
    resample = fit_sample[rng.integers(0, len(fit_sample), size=min(5000, len(fit_sample)))]
    refit = KMeans(n_clusters=best, n_init=10, random_state=b).fit(resample)
    aris.append(adjusted_rand_score(base, refit.predict(fit_sample)))
lap("stability")
pca = PCA(n_components=2).fit(fit_sample)
points = pca.transform(matrix[order[:3000]])
lap("pca")

print(json.dumps({
    "seconds": timings,
    "events": int(len(events)),
    "users": int(len(features)),
    "k": int(best),
    "session_funnel": session_funnel,
    "user_funnel": user_funnel,
    "cohorts": int(len(retention)),
    "mean_ari": float(np.mean(aris)),
}))
