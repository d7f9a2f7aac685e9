import Vapor

/// The only script on Walidata's pages: it sends an upload as the request body so the page can
/// show a progress bar. Without it the form still works (a plain multipart post).
enum UploadScript {
    static let source = """
    (function () {
      var form = document.getElementById("upload-form");
      if (!form || !window.XMLHttpRequest) return;
      var bar = document.getElementById("upload-progress");
      var status = document.getElementById("upload-status");
      var button = document.getElementById("upload-submit");
      form.addEventListener("submit", function (event) {
        var input = form.querySelector("input[type=file]");
        if (!input.files || !input.files.length) return;
        event.preventDefault();
        var file = input.files[0];
        var note = form.querySelector("[name=note]").value;
        var url = form.getAttribute("action").split("?")[0] + "?filename=" + encodeURIComponent(file.name) + "&note=" + encodeURIComponent(note);
        var xhr = new XMLHttpRequest();
        xhr.open("POST", url);
        xhr.setRequestHeader("X-CSRF-Token", form.getAttribute("data-csrf"));
        xhr.setRequestHeader("Accept", "application/json");
        xhr.setRequestHeader("Content-Type", "application/octet-stream");
        bar.hidden = false;
        button.disabled = true;
        xhr.upload.onprogress = function (e) {
          if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); status.textContent = bar.value + "%"; }
        };
        xhr.onload = function () {
          var body = {};
          try { body = JSON.parse(xhr.responseText); } catch (e) {}
          if (xhr.status === 201 && body.url) { window.location.href = body.url; return; }
          button.disabled = false;
          status.textContent = (body.error && body.error.message) || ("HTTP " + xhr.status);
          status.className = "flash flash-error";
        };
        xhr.onerror = function () {
          button.disabled = false;
          status.textContent = form.getAttribute("data-network-error") || "Network error";
          status.className = "flash flash-error";
        };
        xhr.send(file);
      });
    })();
    """

    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(string: source))
    }
}
