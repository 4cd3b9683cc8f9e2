-- An editing session in Neovim (0.7+) with `quartz lsp`, through Neovim's own LSP client and
-- commands, as a user's key presses would run them (NeovimSessionTest). The project is
-- $QUARTZ_NVIM_PROJECT: main.qz imports shapes.qz, and line 7 of main.qz is a half-typed `pu`.
-- What the editor showed goes as JSON to $QUARTZ_NVIM_RESULT; then Neovim quits (exit code 1 and
-- an `error` entry when a step failed or timed out).

local REQUEST_MS = 30000 -- each request or wait for the editor's state
local START_MS = 60000 -- the first diagnostics: the server's JVM starts and loads the compiler

local result = { steps = {} }
local published = {} -- file name -> number of publishDiagnostics received
local client_id

local function step(name)
  table.insert(result.steps, name)
end

local function wait_for(what, predicate, timeout)
  if not vim.wait(timeout or REQUEST_MS, predicate, 20) then
    error('timed out waiting for ' .. what, 2)
  end
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, REQUEST_MS)
  if not responses then
    error(method .. ': ' .. tostring(err), 2)
  end
  local response = responses[client_id]
  if not response then
    error(method .. ': no response', 2)
  end
  if response.err or response.error then
    error(method .. ': ' .. vim.inspect(response.err or response.error), 2)
  end
  return response.result
end

local function text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { line = d.lnum, column = d.col, code = d.code, severity = d.severity, message = d.message })
  end
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then
      return true
    end
  end
  return false
end

--- Puts the cursor on the first `needle` in the current buffer, `shift` characters into it.
local function cursor_at(needle, shift)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { row, col - 1 + (shift or 0) })
      return
    end
  end
  error('no ' .. needle .. ' in ' .. vim.api.nvim_buf_get_name(0), 2)
end

local function session()
  local project = assert(os.getenv('QUARTZ_NVIM_PROJECT'), 'no QUARTZ_NVIM_PROJECT')
  client_id = vim.lsp.start_client({
    name = 'quartz',
    cmd = vim.fn.json_decode((assert(os.getenv('QUARTZ_LSP_CMD'), 'no QUARTZ_LSP_CMD'))),
    root_dir = project,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        local file = vim.uri_to_fname(params.uri)
        published[file] = (published[file] or 0) + 1
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client failed')
  end
  -- What an ftplugin would do: every Quartz buffer opened (also by a jump) gets the client.
  vim.api.nvim_create_autocmd('BufReadPost', {
    pattern = '*.qz',
    callback = function(args)
      vim.bo[args.buf].filetype = 'quartz'
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })

  step('open')
  local main_file = project .. '/main.qz'
  vim.cmd('edit ' .. vim.fn.fnameescape(main_file))
  local main = vim.api.nvim_get_current_buf()
  wait_for('the diagnostics of main.qz', function()
    return (published[main_file] or 0) > 0
  end, START_MS)
  result.opened_diagnostics = diagnostics(main)

  step('complete')
  cursor_at('  pu', 4)
  local completion = request(main, 'textDocument/completion', vim.lsp.util.make_position_params())
  result.completion = {}
  for _, item in ipairs(completion.items or completion) do
    table.insert(result.completion, item.label)
  end
  -- The user picks `puts` and finishes the statement.
  vim.api.nvim_buf_set_lines(main, 6, 7, false, { '  puts(to_s(total + x))' })
  wait_for('the diagnostics of the finished statement', function()
    return not has_code(main, 'QZ0101')
  end)
  result.typed_diagnostics = diagnostics(main)

  step('hover')
  cursor_at('area(3', 1)
  local hover = request(main, 'textDocument/hover', vim.lsp.util.make_position_params())
  result.hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')

  step('definition')
  vim.lsp.buf.definition()
  wait_for('the jump to the definition', function()
    return vim.api.nvim_get_current_buf() ~= main
  end)
  local shapes = vim.api.nvim_get_current_buf()
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  result.definition = { file = vim.api.nvim_buf_get_name(shapes), line = row - 1, column = col }
  vim.cmd('buffer ' .. main)

  step('rename')
  cursor_at('area(3', 0)
  vim.lsp.buf.rename('surface')
  wait_for('the rename in both files', function()
    return text(main):find('surface', 1, true) and text(shapes):find('surface', 1, true)
  end)
  result.renamed = { main = text(main), shapes = text(shapes) }

  step('code action')
  cursor_at('  x = 2', 2)
  local original_select = vim.ui.select
  result.code_actions = {}
  -- The user picks the first quick fix offered for the diagnostic on the line.
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      table.insert(result.code_actions, (opts.format_item(item)))
    end
    on_choice(items[1], 1)
  end
  vim.lsp.buf.code_action()
  wait_for('the fixed program without diagnostics', function()
    return #vim.diagnostic.get(main) == 0 and text(main):find('var x', 1, true) ~= nil
  end)
  vim.ui.select = original_select
  result.fixed = text(main)
  result.final_diagnostics = { main = diagnostics(main), shapes = diagnostics(shapes) }

  step('shutdown')
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function()
    return result.server_exit ~= nil
  end)
end

local ok, failure = xpcall(session, debug.traceback)
if not ok then
  result.error = failure
end
local out = io.open(os.getenv('QUARTZ_NVIM_RESULT') or 'nvim-session.json', 'w')
out:write(vim.fn.json_encode(result))
out:close()
vim.cmd(ok and 'qall!' or 'cquit')
