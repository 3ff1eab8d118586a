//! GraphQL over HTTP to Vendure's Shop API and Admin API, with `reqwest`.
//!
//! Every call has a connect and a total timeout. Reads are sent again once
//! when the first try did not reach Vendure or Vendure said it was busy
//! (502/503/504); nothing else is repeated. The Admin API's token is got by
//! signing in with the configured superadmin on first use, kept in memory,
//! and renewed when Vendure stops accepting it. No Vendure token ever
//! leaves this server.

use omnistore_components::backend::BackendError;
use omnistore_components::i18n::Locale;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

/// How long to wait for Vendure to accept a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a whole call may take, answer included.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(10);
/// The header Vendure sends a session's token in (`tokenMethod: 'bearer'`).
const TOKEN_HEADER: &str = "vendure-auth-token";

/// Why a call to Vendure gave no answer to use.
#[derive(Debug, thiserror::Error)]
pub enum VendureError {
    #[error("Vendure did not answer: {0}")]
    Unreachable(#[from] reqwest::Error),
    #[error("Vendure answered with HTTP status {0}")]
    Status(u16),
    /// GraphQL errors: the query or the call was refused (`code` is
    /// Vendure's, e.g. FORBIDDEN).
    #[error("Vendure refused the call ({code}): {message}")]
    Refused { code: String, message: String },
    #[error("Vendure's answer had no data")]
    NoData,
    #[error("the admin sign-in to Vendure was refused: {0}")]
    AdminSignIn(String),
    /// An answer whose values omnistore cannot show (a currency it does
    /// not price in, an id that is not a number).
    #[error("Vendure's answer cannot be used: {0}")]
    Unusable(String),
}

// A Vendure that cannot be reached or answers nonsense is an outage to the
// shopper (503), whatever the reason; the reason is logged.
impl From<VendureError> for BackendError {
    fn from(e: VendureError) -> Self {
        BackendError::Unavailable(e.to_string())
    }
}

#[derive(Deserialize)]
struct Answer<T> {
    data: Option<T>,
    #[serde(default)]
    errors: Vec<GraphQlError>,
}

#[derive(Deserialize)]
struct GraphQlError {
    message: String,
    #[serde(default)]
    extensions: Option<Extensions>,
}

#[derive(Deserialize)]
struct Extensions {
    code: Option<String>,
}

/// Which of Vendure's two APIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Api {
    Shop,
    Admin,
}

pub struct Client {
    http: reqwest::Client,
    shop_url: String,
    admin_url: String,
    admin_user: String,
    admin_password: String,
    admin_token: tokio::sync::Mutex<Option<String>>,
}

impl Client {
    /// A client of the Vendure at `base` (e.g. `http://127.0.0.1:3000`),
    /// whose Shop API is at `/shop-api` and Admin API at `/admin-api`.
    pub fn new(base: &str, admin_user: &str, admin_password: &str) -> Result<Self, VendureError> {
        let base = base.trim_end_matches('/');
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(TOTAL_TIMEOUT)
            .build()?;
        Ok(Client {
            http,
            shop_url: format!("{base}/shop-api"),
            admin_url: format!("{base}/admin-api"),
            admin_user: admin_user.to_string(),
            admin_password: admin_password.to_string(),
            admin_token: tokio::sync::Mutex::new(None),
        })
    }

    /// A read from the Shop API, in the shopper's language.
    pub async fn shop_read<T: DeserializeOwned>(
        &self,
        query: &str,
        variables: Value,
        locale: Locale,
    ) -> Result<T, VendureError> {
        let url = format!("{}?languageCode={}", self.shop_url, locale.tag());
        self.read(Api::Shop, &url, query, &variables, None).await
    }

    /// A call in a shopper's Vendure session (`token`: none before the
    /// first change, when Vendure starts one). Returns the answer and the
    /// session's token as Vendure sent it. Never repeated: it may change
    /// the order.
    pub async fn shop_session<T: DeserializeOwned>(
        &self,
        query: &str,
        variables: Value,
        locale: Locale,
        token: Option<&str>,
    ) -> Result<(T, Option<String>), VendureError> {
        let url = format!("{}?languageCode={}", self.shop_url, locale.tag());
        self.post(&url, query, &variables, token).await
    }

    /// A read from the Admin API, signed in as the configured administrator.
    pub async fn admin_read<T: DeserializeOwned>(
        &self,
        query: &str,
        variables: Value,
    ) -> Result<T, VendureError> {
        self.admin(query, &variables, true).await
    }

    /// A change through the Admin API. Sent once: a change is never repeated
    /// blindly (only a refused sign-in, which changed nothing, is retried).
    pub async fn admin_write<T: DeserializeOwned>(
        &self,
        query: &str,
        variables: Value,
    ) -> Result<T, VendureError> {
        self.admin(query, &variables, false).await
    }

    async fn admin<T: DeserializeOwned>(
        &self,
        query: &str,
        variables: &Value,
        read: bool,
    ) -> Result<T, VendureError> {
        let call = |token: String| async move {
            if read {
                self.read(Api::Admin, &self.admin_url, query, variables, Some(&token))
                    .await
            } else {
                self.post(&self.admin_url, query, variables, Some(&token))
                    .await
                    .map(|(data, _)| data)
            }
        };
        match call(self.admin_token().await?).await {
            // The token expired or Vendure restarted with a fresh database:
            // sign in again, once.
            Err(VendureError::Refused { code, .. }) if code == "FORBIDDEN" => {
                self.admin_token.lock().await.take();
                call(self.admin_token().await?).await
            }
            other => other,
        }
    }

    async fn admin_token(&self) -> Result<String, VendureError> {
        let mut held = self.admin_token.lock().await;
        if let Some(token) = held.as_ref() {
            return Ok(token.clone());
        }
        #[derive(Deserialize)]
        struct Login {
            login: LoginResult,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct LoginResult {
            #[serde(default)]
            error_code: Option<String>,
            #[serde(default)]
            message: Option<String>,
        }
        let (answer, token): (Login, _) = self
            .post(
                &self.admin_url,
                "mutation($u: String!, $p: String!) { login(username: $u, password: $p) {
                    ... on CurrentUser { id } ... on ErrorResult { errorCode message } } }",
                &json!({ "u": self.admin_user, "p": self.admin_password }),
                None,
            )
            .await?;
        if let Some(code) = answer.login.error_code {
            return Err(VendureError::AdminSignIn(format!(
                "{code}: {}",
                answer.login.message.unwrap_or_default()
            )));
        }
        let token = token.ok_or_else(|| {
            VendureError::AdminSignIn(format!(
                "no {TOKEN_HEADER} header: is Vendure's authOptions.tokenMethod 'bearer'?"
            ))
        })?;
        *held = Some(token.clone());
        Ok(token)
    }

    /// Posts a query; a try that did not reach Vendure, or found it busy,
    /// is made again once (reads only: they change nothing).
    async fn read<T: DeserializeOwned>(
        &self,
        api: Api,
        url: &str,
        query: &str,
        variables: &Value,
        token: Option<&str>,
    ) -> Result<T, VendureError> {
        let answer = match self.post(url, query, variables, token).await {
            Err(e) if transient(&e) => {
                tracing::debug!(?api, error = %e, "Vendure read failed, trying once more");
                self.post(url, query, variables, token).await
            }
            other => other,
        };
        answer.map(|(data, _)| data)
    }

    /// A GET of a file Vendure serves (an asset), with the same timeouts;
    /// sent once more, as a read, when the first try did not reach Vendure
    /// or found it busy.
    pub async fn get_file(&self, url: &str) -> Result<reqwest::Response, VendureError> {
        let get = || async {
            tracing::debug!(url, "calling Vendure");
            let answer = self.http.get(url).send().await?;
            match answer.status().as_u16() {
                s @ 502..=504 => Err(VendureError::Status(s)),
                _ => Ok(answer),
            }
        };
        match get().await {
            Err(e) if transient(&e) => get().await,
            other => other,
        }
    }

    /// Posts a query; the answer comes with the session token Vendure sent.
    async fn post<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &str,
        variables: &Value,
        token: Option<&str>,
    ) -> Result<(T, Option<String>), VendureError> {
        // One line per round trip, for counting them (scripts/bench-vendure.sh).
        tracing::debug!(url, "calling Vendure");
        let mut request = self
            .http
            .post(url)
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await?;
        let session = response
            .headers()
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let status = response.status();
        if !status.is_success() && status.as_u16() != 400 {
            // GraphQL validation errors come as 400 with a body; anything
            // else without one is the server's state.
            return Err(VendureError::Status(status.as_u16()));
        }
        Ok((unwrap(response.json().await?)?, session))
    }
}

fn unwrap<T>(answer: Answer<T>) -> Result<T, VendureError> {
    if let Some(e) = answer.errors.into_iter().next() {
        return Err(VendureError::Refused {
            code: e
                .extensions
                .and_then(|x| x.code)
                .unwrap_or_else(|| "UNKNOWN".into()),
            message: e.message,
        });
    }
    answer.data.ok_or(VendureError::NoData)
}

fn transient(e: &VendureError) -> bool {
    match e {
        VendureError::Unreachable(e) => e.is_connect() || e.is_timeout() || e.is_request(),
        VendureError::Status(s) => matches!(s, 502..=504),
        _ => false,
    }
}
